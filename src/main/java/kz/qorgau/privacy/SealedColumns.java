package kz.qorgau.privacy;

import java.util.List;
import java.util.UUID;

/**
 * Columns a capability seals with the cipher itself, each value bound to its row (the free text of its
 * entities, sealed by {@link SealedText}, is found without this). The key rotation moves them too.
 */
public interface SealedColumns {

    /** One sealed column of a table with {@code id} and {@code tenant_id} columns. */
    record SealedColumn(String table, String column, Context context) {}

    /** The associated data a row's value was sealed under. */
    @FunctionalInterface
    interface Context {
        String of(String tenantId, UUID rowId);
    }

    List<SealedColumn> sealedColumns();
}
