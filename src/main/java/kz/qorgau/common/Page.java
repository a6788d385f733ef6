package kz.qorgau.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code nextCursor} is opaque to callers and absent on the last page.
 */
public record Page<T>(
        @Schema(maxItems = 200, description = "At most the limit asked for")
        List<T> items,

        @Schema(description = "Absent on the last page") String nextCursor) {}
