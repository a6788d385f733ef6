package kz.qorgau.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Whether a caller prefers another form of an answer (a PDF, a spreadsheet) to its JSON: the first acceptable type,
 * in the caller's order of preference, that is either; q=0 says "not this"; a wildcard means JSON.
 */
public final class Preferred {

    private Preferred() {}

    public static boolean overJson(HttpHeaders headers, String type, String subtype) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (refused(acceptable)) {
                continue;
            }
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !acceptable.isWildcardType()) {
                return false;
            }
            if (acceptable.getType().equalsIgnoreCase(type)
                    && acceptable.getSubtype().equalsIgnoreCase(subtype)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1")) <= 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
