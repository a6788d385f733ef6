package kz.qorgau.common;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque to callers and absent on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
