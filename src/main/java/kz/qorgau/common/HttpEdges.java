package kz.qorgau.common;

import java.util.List;
import java.util.regex.Pattern;

/** The small rules of what an HTTP/1.1 request's headers must be before anything reads them. */
public final class HttpEdges {

    private HttpEdges() {}

    // RFC 9110 section 7.2: host [ ":" port ], the host a bracketed IPv6 literal or a registered name / IPv4.
    private static final Pattern HOST =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(:[0-9]{1,5})?");

    /** Exactly one Host header, naming a host and at most a port: no spaces, paths or user information. */
    public static boolean acceptableHost(List<String> hosts) {
        return hosts.size() == 1 && HOST.matcher(hosts.get(0)).matches();
    }
}
