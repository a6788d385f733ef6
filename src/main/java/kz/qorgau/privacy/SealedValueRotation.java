package kz.qorgau.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.privacy.SealedColumns.SealedColumn;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.jboss.logging.Logger;

/**
 * Moves every sealed value other than a survivor's own (which {@code SurvivorReencryption} moves) onto the
 * active key after a rotation: the free text of every entity field sealed by {@link SealedText}, found in
 * the entities themselves so that a new one cannot be forgotten, and the row-bound values the capabilities
 * declare ({@link SealedColumns}), webhook secrets among them. Batches of rows are claimed with FOR
 * UPDATE SKIP LOCKED, so replicas share the work; once {@link #remainingByKey()} names no old key, that key
 * can leave the configuration.
 */
@ApplicationScoped
public class SealedValueRotation {

    private static final Logger LOG = Logger.getLogger(SealedValueRotation.class);
    private static final int BATCH = 200;
    private static final String FREE_TEXT = "free-text";

    @Inject
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    Instance<SealedColumns> declared;

    @Inject
    SealedValueRotation self;

    @Scheduled(
            every = "{qorgau.reencryption.check-every}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        int moved = rotateAll();
        if (moved > 0) {
            LOG.infof(
                    "Moved %d sealed values onto key %s; still under other keys: %s",
                    moved, cipher.activeKeyId(), remainingByKey());
        }
    }

    /** Every sealed column this job moves, with the associated data of its values. */
    public List<SealedColumn> columns() {
        List<SealedColumn> columns = new ArrayList<>();
        em.getMetamodel().getEntities().stream()
                .map(entity -> entity.getJavaType())
                .sorted(Comparator.comparing(Class::getName))
                .forEach(type -> {
                    Table table = type.getAnnotation(Table.class);
                    for (Field field : type.getDeclaredFields()) {
                        Convert convert = field.getAnnotation(Convert.class);
                        if (table != null && convert != null && convert.converter() == SealedText.class) {
                            columns.add(new SealedColumn(table.name(), columnOf(field), (tenant, id) -> FREE_TEXT));
                        }
                    }
                });
        declared.forEach(contribution -> columns.addAll(contribution.sealedColumns()));
        return columns;
    }

    /** @return how many values this call moved onto the active key, across all tenants and columns */
    @ActivateRequestContext
    public int rotateAll() {
        int moved = 0;
        List<SealedColumn> columns = columns();
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                for (SealedColumn column : columns) {
                    // Through the rows once, in id order: a value that cannot move is passed, not retried forever.
                    UUID after = new UUID(0, 0);
                    Batch batch;
                    do {
                        batch = self.rotateBatch(tenant, column, after);
                        moved += batch.moved();
                        after = batch.last();
                    } while (batch.claimed() == BATCH);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Key rotation of tenant %s stopped; it resumes on the next run", tenant);
            } finally {
                override.clear();
            }
        }
        return moved;
    }

    record Batch(int claimed, int moved, UUID last) {}

    @Transactional
    Batch rotateBatch(String tenantId, SealedColumn column, UUID after) {
        String sealed = column.column();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, " + sealed + " from " + column.table()
                        + " where tenant_id = ?1 and id > ?2 and " + sealed + " is not null and " + keyIdOf(sealed)
                        + " <> ?3 order by id limit ?4 for update skip locked")
                .setParameter(1, tenantId)
                .setParameter(2, after)
                .setParameter(3, cipher.activeKeyId())
                .setParameter(4, BATCH)
                .getResultList();
        int moved = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            byte[] value = (byte[]) row[1];
            String context = column.context().of(tenantId, id);
            try {
                // A replica that does not hold the value's key yet (a rolling key change) leaves it to one that does.
                if (!cipher.holds(FieldCipher.keyIdOf(value))) {
                    continue;
                }
                // As bytes: a sealed column may hold a key or a document's bytes as well as text.
                byte[] resealed = cipher.sealBytes(cipher.openBytes(value, context), context);
                em.createNativeQuery("update " + column.table() + " set " + sealed + " = ?1 where id = ?2")
                        .setParameter(1, resealed)
                        .setParameter(2, id)
                        .executeUpdate();
                moved++;
            } catch (FieldCipher.TamperedValue e) {
                LOG.errorf(
                        "%s.%s of row %s does not open and stays as it is: %s",
                        column.table(), sealed, id, e.getMessage());
            }
        }
        return new Batch(rows.size(), moved, rows.isEmpty() ? after : (UUID) rows.get(rows.size() - 1)[0]);
    }

    /**
     * How many values each key other than the active one still seals, survivors included, across every
     * network: the rotation is done, and the old key can go, when this is empty.
     */
    @ActivateRequestContext
    public Map<String, Long> remainingByKey() {
        Map<String, Long> remaining = new TreeMap<>();
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                self.countInto(remaining);
            } finally {
                override.clear();
            }
        }
        return remaining;
    }

    @Transactional
    void countInto(Map<String, Long> remaining) {
        List<String> counts = new ArrayList<>();
        for (SealedColumn column : columns()) {
            counts.add("select " + keyIdOf(column.column()) + " as key_id from " + column.table() + " where "
                    + column.column() + " is not null");
        }
        counts.add("select key_id from survivor where anonymised_at is null");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select key_id, count(*) from (" + String.join(" union all ", counts)
                        + ") sealed where key_id <> ?1 group by key_id")
                .setParameter(1, cipher.activeKeyId())
                .getResultList();
        rows.forEach(row -> remaining.merge((String) row[0], ((Number) row[1]).longValue(), Long::sum));
    }

    /** The id of the key that sealed a value, read in SQL from the value's header (see {@link FieldCipher}). */
    private static String keyIdOf(String column) {
        return "convert_from(substring(" + column + " from 3 for get_byte(" + column + ", 1)), 'SQL_ASCII')";
    }

    private static String columnOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return field.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
