package kz.qorgau.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be delivered: a public unicast address, reached by a name that is not one of the
 * cluster's or a cloud's own. A partner names the receiver; without these rules the service would call,
 * on the partner's say-so, its own metadata service, its database, or anything else on its network, and
 * the delivery log would tell the partner what answered. Plain Java: the rules are tested without a network.
 */
public final class ReceiverAddressRules {

    /** Names that are the machine's, the cluster's or a cloud's own, whatever they resolve to. */
    private static final List<String> INTERNAL_NAMES =
            List.of("localhost", "metadata", "metadata.google.internal", "instance-data", "kubernetes");

    private static final List<String> INTERNAL_SUFFIXES = List.of(
            ".localhost", ".local", ".internal", ".localdomain", ".svc", ".cluster.local", ".home.arpa", ".lan");

    /** Ranges that are not the public Internet: [address, prefix length]. */
    private static final List<Cidr> NOT_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), // "this network", 0.0.0.0 included
            Cidr.parse("10.0.0.0/8"), // RFC 1918
            Cidr.parse("100.64.0.0/10"), // carrier-grade NAT, RFC 6598
            Cidr.parse("127.0.0.0/8"), // loopback
            Cidr.parse("169.254.0.0/16"), // link-local, where clouds put their metadata service
            Cidr.parse("172.16.0.0/12"), // RFC 1918
            Cidr.parse("192.0.0.0/24"), // IETF protocol assignments
            Cidr.parse("192.0.2.0/24"), // documentation
            Cidr.parse("192.88.99.0/24"), // 6to4 relay anycast
            Cidr.parse("192.168.0.0/16"), // RFC 1918
            Cidr.parse("198.18.0.0/15"), // benchmarking
            Cidr.parse("198.51.100.0/24"), // documentation
            Cidr.parse("203.0.113.0/24"), // documentation
            Cidr.parse("224.0.0.0/4"), // multicast
            Cidr.parse("240.0.0.0/4"), // reserved, and the broadcast address
            Cidr.parse("::/128"), // unspecified
            Cidr.parse("::1/128"), // loopback
            Cidr.parse("64:ff9b:1::/48"), // local-use NAT64
            Cidr.parse("100::/64"), // discard-only
            Cidr.parse("2001::/23"), // IETF protocol assignments: Teredo, benchmarking, ORCHID and others
            Cidr.parse("2001:db8::/32"), // documentation
            Cidr.parse("3fff::/20"), // documentation, RFC 9637
            Cidr.parse("fc00::/7"), // unique local, RFC 4193
            Cidr.parse("fe80::/10"), // link-local
            Cidr.parse("fec0::/10"), // site-local, deprecated
            Cidr.parse("ff00::/8")); // multicast

    private ReceiverAddressRules() {}

    /** Why a receiver may not be called by this name, or empty when the name itself is no objection. */
    public static Optional<String> whyRefusedName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return Optional.of("names no host");
        }
        if (name.startsWith("[") || numericIpv4(name).isPresent() || name.contains(":")) {
            return Optional.empty();
        }
        if (INTERNAL_NAMES.contains(name) || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return Optional.of("names a host of the service's own network");
        }
        // A name of one label is a cluster's service or a machine of the local network.
        if (!name.contains(".")) {
            return Optional.of("names a host of the service's own network");
        }
        return Optional.empty();
    }

    /** The only IPv6 addresses the Internet routes to hosts: global unicast, RFC 4291. */
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    /** Why a receiver may not be called at this address, or empty when it is a public unicast one. */
    public static Optional<String> whyRefused(InetAddress address) {
        InetAddress checked = embeddedIpv4(address).orElse(address);
        for (Cidr range : NOT_PUBLIC) {
            if (range.contains(checked)) {
                return Optional.of("is not a public address (" + range + ")");
            }
        }
        // Outside global unicast IPv6 is only what is special (SRv6 SIDs, reserved ranges, ranges not yet
        // assigned): refused whole, rather than range by range as each is found.
        if (checked instanceof Inet6Address && !GLOBAL_UNICAST.contains(checked)) {
            return Optional.of("is not a public address (outside " + GLOBAL_UNICAST + ")");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 one stands for where the network would deliver to it: IPv4-mapped
     * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d, SIIT), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        boolean translated =
                allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
        if (mapped || translated || compatible || nat64) {
            return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address a host written as numbers stands for, in every spelling the C resolver takes: one to
     * four parts, each decimal, octal (leading 0) or hex (leading 0x), the last filling the bytes left
     * ({@code 2130706433}, {@code 0x7f000001}, {@code 0177.1}, {@code 127.1}).
     */
    public static Optional<InetAddress> numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (4 - (values.length - 1)))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(
                ipv4((byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address));
    }

    private static Optional<Long> number(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            radix = 16;
            p = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            p = p.substring(1);
        }
        // Long.parseLong takes a sign, which no spelling of an address has.
        if (p.isEmpty() || p.length() > 12 || p.charAt(0) == '+' || p.charAt(0) == '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(p, radix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A range of addresses written as address/prefix length. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash))
                        .getAddress();
                int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("Prefix out of range in " + text);
                }
                return new Cidr(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not an address range: " + text, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
