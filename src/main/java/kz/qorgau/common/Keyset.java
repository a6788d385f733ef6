package kz.qorgau.common;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The position after the last row of a page, in the (updated_at, id) order of the API's lists. The update
 * time is stamped when a transaction makes its change, not when it commits, so a poller should overlap its
 * updatedSince by a few seconds; the commit-ordered change feed (issue 7) is the exact way to follow changes.
 */
public record Keyset(Instant updatedAt, UUID id) {

    public String toCursor() {
        long micros =
                Math.addExact(Math.multiplyExact(updatedAt.getEpochSecond(), 1_000_000L), updatedAt.getNano() / 1_000);
        return Cursor.encode(Long.toString(micros), id.toString());
    }

    /** @throws ProblemException.InvalidInput when the text is not a cursor of such a list */
    public static Keyset fromCursor(String cursor) {
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            long micros = Long.parseLong(keys.get(0));
            Instant at = Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (!BoundedInput.plausible(at)) {
                throw Cursor.invalid();
            }
            return new Keyset(at, UUID.fromString(keys.get(1)));
        } catch (RuntimeException malformed) {
            throw Cursor.invalid();
        }
    }

    /**
     * Adds the change-list conditions to an HQL where clause over an entity with updatedAt and id: changed
     * at or after {@code updatedSince}, and after the cursor's row. Together with an index ending in
     * (updated_at, id) this is a range scan that starts where the last page ended.
     */
    public static void restrict(StringBuilder where, Parameters params, Instant updatedSince, Optional<Keyset> after) {
        if (updatedSince != null) {
            where.append(" and updatedAt >= :since");
            params.and("since", updatedSince);
        }
        after.ifPresent(k -> {
            where.append(" and (updatedAt, id) > (:afterTime, :afterId)");
            params.and("afterTime", k.updatedAt()).and("afterId", k.id());
        });
    }

    /** One row more than a page holds tells whether another page follows, without a count query. */
    public static <R, V> Page<V> page(
            List<R> rows,
            int limit,
            java.util.function.Function<R, Keyset> key,
            java.util.function.Function<R, V> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? key.apply(shown.get(shown.size() - 1)).toCursor() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
