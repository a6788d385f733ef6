package kz.qorgau.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Chains the entries the tenants' transactions appended, a moment after they committed: numbers them
 * 1, 2, 3, ... per tenant and links each to the one before with {@link AuditChain}'s keyed hash.
 *
 * <p>A batch holds the tenant's chain head row from reading it to its commit, so chainers on several
 * replicas take turns and every entry is chained once. An entry is chained in the order the chainer finds
 * it; one that committed late is simply chained in a later batch. Requests never wait for the chain.
 */
@ApplicationScoped
public class AuditChainer {

    static final int BATCH = 1_000;

    private static final Logger LOG = Logger.getLogger(AuditChainer.class);

    /** Tenants whose broken head was logged already, so a chainer running every second logs it once. */
    private final java.util.Set<String> brokenReported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    EntityManager em;

    @Inject
    AuditChain chain;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Scheduled(
            every = "{qorgau.audit.chain-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void periodically() {
        // Row-level security shows a transaction the entries of the tenant it acts for alone.
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                chain(tenant);
            } finally {
                override.clear();
            }
        }
    }

    /**
     * Chains every entry of the tenant committed so far; returns how many entries it took (chained or refused).
     * Chains nothing while the head disagrees with the chained entries: someone changed one of them.
     */
    public int chain(String tenantId) {
        int total = 0;
        int taken;
        do {
            taken = QuarkusTransaction.requiringNew().call(() -> chainBatch(tenantId));
            total += taken;
        } while (taken == BATCH);
        return total;
    }

    private int chainBatch(String tenantId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            // Most runs find nothing to chain; they look without taking the head. Ordered as the partial index is,
            // so that the plan can only be that index: as "exists", PostgreSQL's generic plan chose a sequential
            // scan whenever its statistics counted many entries unchained, and with none left it read the whole
            // trail every second (377 ms for 1.4 million entries; 20 ms through the index in the same state).
            try (PreparedStatement anything = connection.prepareStatement("""
                    select 1 from audit_entry where tenant_id = ? and hash is null and refused_at is null
                    order by at, id limit 1""")) {
                anything.setString(1, tenantId);
                try (ResultSet row = anything.executeQuery()) {
                    if (!row.next()) {
                        return 0;
                    }
                }
            }
            // The upsert locks the head row (creating it for a tenant's first entry) until this batch commits.
            try (PreparedStatement lock = connection.prepareStatement("""
                    insert into audit_chain (tenant_id, last_seq, last_hash) values (?, 0, ?)
                    on conflict (tenant_id) do update set tenant_id = excluded.tenant_id""")) {
                lock.setString(1, tenantId);
                lock.setBytes(2, AuditChain.GENESIS);
                lock.executeUpdate();
            }
            java.util.Optional<ChainHead> head = consistentHead(connection, tenantId);
            if (head.isEmpty()) {
                return 0;
            }
            long seq = head.get().seq();
            byte[] previous = head.get().hash();
            int chained = 0;
            int taken = 0;
            try (PreparedStatement pending = connection.prepareStatement("""
                    select ctid::text as row_position, id, at, actor, actor_agency_id, actor_roles, action, record_type,
                           record_id, case_id, categories, detail, request_id, mac
                    from audit_entry where tenant_id = ? and hash is null and refused_at is null
                    order by at, id limit ?""");
                    // Each entry is sealed where this batch read it, by its row's position, and the id makes sure.
                    // By id alone, a generic plan cached on a connection took the case index, estimated at one row,
                    // and scanned the tenant's whole trail for every entry it sealed (bench/statements.sh,
                    // BENCHMARKS.md); a position leaves the planner no other way in. Nothing moves the row
                    // meanwhile: only the chainer changes an entry, and this batch holds the tenant's chain head.
                    PreparedStatement seal = connection.prepareStatement("update audit_entry"
                            + " set seq = ?, prev_hash = ?, hash = ? where ctid = cast(? as tid) and id = ?");
                    PreparedStatement refuse = connection.prepareStatement(
                            "update audit_entry set refused_at = now() where ctid = cast(? as tid) and id = ?")) {
                pending.setString(1, tenantId);
                pending.setInt(2, BATCH);
                int refused = 0;
                try (ResultSet row = pending.executeQuery()) {
                    while (row.next()) {
                        taken++;
                        UUID id = row.getObject("id", UUID.class);
                        AuditChain.Fields fields = fields(row, tenantId, seq + 1);
                        if (!chain.entryMacMatches(fields, row.getBytes("mac"))) {
                            // Not written by the service: kept unchained, as evidence, and reported.
                            LOG.errorf(
                                    "AUDIT_ENTRY_REFUSED tenant=%s entry=%s: its MAC does not match; not chained",
                                    tenantId, id);
                            refuse.setString(1, row.getString("row_position"));
                            refuse.setObject(2, id);
                            refuse.addBatch();
                            refused++;
                            continue;
                        }
                        seq++;
                        byte[] hash = chain.hash(previous, fields);
                        seal.setLong(1, seq);
                        seal.setBytes(2, previous);
                        seal.setBytes(3, hash);
                        seal.setString(4, row.getString("row_position"));
                        seal.setObject(5, id);
                        seal.addBatch();
                        previous = hash;
                        chained++;
                    }
                }
                if (refused > 0) {
                    eachTookOneRow(refuse.executeBatch());
                }
                if (chained > 0) {
                    eachTookOneRow(seal.executeBatch());
                }
            }
            if (chained > 0) {
                try (PreparedStatement advance = connection.prepareStatement(
                        "update audit_chain set last_seq = ?, last_hash = ? where tenant_id = ?")) {
                    advance.setLong(1, seq);
                    advance.setBytes(2, previous);
                    advance.setString(3, tenantId);
                    advance.executeUpdate();
                }
            }
            return taken;
        });
    }

    /** The head moves only if every entry the batch read was sealed or refused: else the whole batch rolls back. */
    private static void eachTookOneRow(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                throw new IllegalStateException("an audit entry read by this batch was not found where it was read");
            }
        }
    }

    /** A tenant's chain head: the last entry's number and hash (0 and {@link AuditChain#GENESIS} before any). */
    record ChainHead(long seq, byte[] hash) {}

    /** The last chained entry of a tenant, newest first; its columns by name, as {@link #fields} reads them. */
    private static final String LAST_CHAINED = """
            select seq, hash, prev_hash, id, at, actor, actor_agency_id, actor_roles, action, record_type,
                   record_id, case_id, categories, detail, request_id, mac
            from audit_entry where tenant_id = ? and seq is not null order by seq desc limit 1""";

    /** The last chained entry as the head is compared with it: its number, its hash, and whether the service made it. */
    private record LastChained(long seq, byte[] hash, boolean genuine) {}

    /** The tenant's head, read in the caller's transaction, if it names the last chained entry. */
    java.util.Optional<ChainHead> consistentHead(String tenantId) {
        return em.unwrap(Session.class).doReturningWork(connection -> consistentHead(connection, tenantId));
    }

    /**
     * The head, if it names the last chained entry: the same number and hash. A head rewound, or entries deleted or
     * added behind the service's back, make them differ; chaining on would either fail on a taken number or extend a
     * chain that no longer verifies, so nothing is chained until someone looks. Both are read in one statement, so
     * from one snapshot: read apart, a batch that committed between the two reads made them differ, and an auditor's
     * checkpoint during busy hours raised the tampering alarm (the outside probe of issue 26).
     */
    private java.util.Optional<ChainHead> consistentHead(java.sql.Connection connection, String tenantId)
            throws java.sql.SQLException {
        try (PreparedStatement both =
                connection.prepareStatement("select h.last_seq, h.last_hash, e.* from (values (1)) as one (x)"
                        + " left join audit_chain h on h.tenant_id = ?"
                        + " left join lateral (" + LAST_CHAINED + ") e on true")) {
            both.setString(1, tenantId);
            both.setString(2, tenantId);
            try (ResultSet row = both.executeQuery()) {
                row.next();
                byte[] headHash = row.getBytes("last_hash");
                long headSeq = headHash == null ? 0 : row.getLong("last_seq");
                headHash = headHash == null ? AuditChain.GENESIS : headHash;
                return matches(tenantId, headSeq, headHash, lastChained(row, tenantId))
                        ? java.util.Optional.of(new ChainHead(headSeq, headHash))
                        : java.util.Optional.empty();
            }
        }
    }

    /** The last chained entry in a row that selects it by name; none (0, the genesis hash) when its number is null. */
    private LastChained lastChained(ResultSet row, String tenantId) throws java.sql.SQLException {
        if (row.getObject("seq") == null) {
            return new LastChained(0, AuditChain.GENESIS, true);
        }
        long seq = row.getLong("seq");
        byte[] hash = row.getBytes("hash");
        // The entry the next one links to must be one the service chained: its hash its own content's, and its MAC,
        // when it has one, the service's. Otherwise chaining on would vouch for a forgery.
        AuditChain.Fields fields = fields(row, tenantId, seq);
        byte[] mac = row.getBytes("mac");
        boolean genuine = chain.verifies(row.getBytes("prev_hash"), fields, hash)
                && (mac == null || chain.entryMacMatches(fields, mac));
        return new LastChained(seq, hash, genuine);
    }

    private boolean matches(String tenantId, long headSeq, byte[] headHash, LastChained last) {
        long lastSeq = last.seq();
        boolean matches = last.genuine() && lastSeq == headSeq && MessageDigest.isEqual(last.hash(), headHash);
        if (!matches && brokenReported.add(tenantId)) {
            LOG.errorf(
                    "AUDIT_CHAIN_HEAD_MISMATCH tenant=%s: the head names entry %d, the last chained entry is %d or its"
                            + " hash differs; chaining stops until the trail is verified and mended",
                    tenantId, headSeq, lastSeq);
        } else if (matches) {
            brokenReported.remove(tenantId);
        }
        return matches;
    }

    /** The fields an entry's hash and MAC cover, from a row that selects the entry's columns by name. */
    private static AuditChain.Fields fields(ResultSet row, String tenantId, long seq) throws java.sql.SQLException {
        return new AuditChain.Fields(
                tenantId,
                seq,
                row.getObject("id", UUID.class),
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("actor"),
                row.getObject("actor_agency_id", UUID.class),
                strings(row.getArray("actor_roles")),
                row.getString("action"),
                row.getString("record_type"),
                row.getObject("record_id", UUID.class),
                row.getObject("case_id", UUID.class),
                strings(row.getArray("categories")),
                row.getString("detail"),
                row.getString("request_id"));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
