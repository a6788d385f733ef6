package kz.qorgau.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, held raw so that what the suite reports is exactly what it sent: the path
 * template with its values, query pairs (a name may repeat), headers, media type and body.
 */
record FuzzRequest(
        String mutation,
        String method,
        String pathTemplate,
        Map<String, String> pathValues,
        List<Map.Entry<String, String>> query,
        Map<String, String> headers,
        String contentType,
        String body,
        String caller) {

    String url() {
        String path = pathTemplate;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder url = new StringBuilder(path).append('?');
        for (Map.Entry<String, String> pair : query) {
            if (url.charAt(url.length() - 1) != '?') {
                url.append('&');
            }
            url.append(encode(pair.getKey())).append('=').append(encode(pair.getValue()));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** How the request reads in a failure report: long values cut, control characters shown. */
    String describe() {
        String shownBody = body == null ? "" : " body " + shorten(body);
        return mutation + ": " + method.toUpperCase() + " " + shorten(url()) + " as " + caller + " headers "
                + shorten(headers.toString()) + (contentType == null ? "" : " [" + contentType + "]") + shownBody;
    }

    private static String shorten(String text) {
        String head = text.length() > 160 ? text.substring(0, 160) : text;
        String visible = head.codePoints()
                .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
                .collect(java.util.stream.Collectors.joining());
        return text.length() > 160 ? visible + "…(" + text.length() + " chars)" : visible;
    }
}
