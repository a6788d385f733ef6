package kz.qorgau.audit;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import kz.qorgau.audit.AuditDtos.CheckpointCheck;
import kz.qorgau.audit.AuditDtos.CheckpointView;
import kz.qorgau.audit.AuditDtos.EntryView;
import kz.qorgau.audit.AuditDtos.VerificationView;
import kz.qorgau.common.Cursor;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/** Reads and verifies the caller's tenant's audit trail, for auditors. */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 2_000;

    /** The chainer runs every second or so; an entry unchained for longer than this was held back. */
    static final java.time.Duration UNCHAINED_GRACE = java.time.Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    AuditChain chain;

    @Inject
    AuditChainer chainer;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    java.time.Clock clock;

    /** The filters of the trail; every one is optional. */
    public record Filter(
            String actor, UUID agencyId, UUID recordId, UUID caseId, AuditAction action, Instant from, Instant to) {}

    @Transactional
    public Page<EntryView> list(Filter filter, String cursor, int limit) {
        access.require(Capability.READ_AUDIT);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new ProblemException.InvalidInput("from", "must be before to");
        }
        // The trail as it stands: what committed so far is chained first, so the list misses none of it.
        chainer.chain(access.caller().tenantId());
        StringBuilder where = new StringBuilder("seq > :after");
        Parameters params = Parameters.with("after", cursor == null ? 0L : Cursor.position(cursor, "cursor"));
        condition(where, params, "actor", filter.actor());
        condition(where, params, "actorAgencyId", filter.agencyId());
        condition(where, params, "recordId", filter.recordId());
        condition(where, params, "caseId", filter.caseId());
        condition(
                where,
                params,
                "action",
                filter.action() == null ? null : filter.action().name());
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.and("to", filter.to());
        }
        var query = em.createQuery("from AuditEntry where " + where + " order by seq", AuditEntry.class)
                .setMaxResults(limit + 1);
        params.map().forEach(query::setParameter);
        List<AuditEntry> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<AuditEntry> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown.stream().map(AuditService::view).toList(),
                more ? Cursor.ofPosition(shown.get(shown.size() - 1).seq) : null);
    }

    /**
     * Walks the whole chain in sequence order: every number present once, each entry linked to the one
     * before, each hash and each entry's MAC recomputed, and the last entry the one the chain head names.
     * With a checkpoint an auditor kept, also whether the chain still holds the checkpoint's entry with its
     * hash. A broken chain is an answer, never an error: it says where it first breaks.
     */
    @Transactional
    public VerificationView verify(CheckpointView checkpoint) {
        access.require(Capability.READ_AUDIT);
        String tenant = access.caller().tenantId();
        if (checkpoint != null && !checkpoint.tenantId().equals(tenant)) {
            throw new ProblemException.InvalidInput("checkpoint.tenantId", "is not the caller's network");
        }
        chainer.chain(tenant);
        long refused =
                count("select count(*) from audit_entry where tenant_id = ?1 and refused_at is not null", tenant);
        long refusedButGenuine = refused == 0 ? 0 : genuineAmongRefused();
        long overdue = ((Number) em.createNativeQuery("select count(*) from audit_entry where tenant_id = ?1"
                                + " and hash is null and refused_at is null and at < ?2")
                        .setParameter(1, tenant)
                        .setParameter(2, java.sql.Timestamp.from(clock.instant().minus(UNCHAINED_GRACE)))
                        .getSingleResult())
                .longValue();
        Walk walk = walk(checkpoint, tenant);
        // The head as it stands after the walk: every entry the walk saw chained is covered by it.
        AuditChainer.ChainHead head = head(tenant);
        long headSeq = head.seq();
        byte[] headHash = head.hash();
        String problem = walk.problem;
        Long brokenAt = walk.brokenAt;
        if (problem == null) {
            if (walk.lastSeq < headSeq) {
                // Either entries were chained after the walk's last pass (the next one is there), or they are gone.
                if (!chained(tenant, walk.lastSeq + 1)) {
                    problem = "entries after " + walk.lastSeq + " are missing: the head names entry " + headSeq;
                    brokenAt = walk.lastSeq + 1;
                }
            } else if (walk.lastSeq > headSeq) {
                problem = "the head names entry " + headSeq + " but the chain goes on to " + walk.lastSeq
                        + ": the head was rewound";
                brokenAt = headSeq + 1;
            } else if (!MessageDigest.isEqual(walk.lastHash, headHash)) {
                problem = "the head's hash is not entry " + headSeq + "'s";
                brokenAt = headSeq;
            } else if (refusedButGenuine > 0) {
                problem = refusedButGenuine + " entries the service wrote (their MAC matches) were marked refused"
                        + " outside the chainer, to take them out of the trail";
            } else if (count("select count(*) from audit_entry where tenant_id = ?1 and seq < 1", tenant) > 0) {
                problem = "entries carry sequence numbers below 1, outside the chain, where no walk finds them";
            } else if (refused > 0) {
                problem = refused + " entries were not written by the service (their MAC does not match) and were"
                        + " refused";
            } else if (overdue > 0) {
                problem = overdue + " entries older than " + UNCHAINED_GRACE.toMinutes() + " minutes are unchained";
            }
        }
        CheckpointCheck check = null;
        if (checkpoint != null) {
            boolean signed = checkpoints.signatureValid(checkpoint);
            String why = walk.checkpointProblem;
            if (!checkpoints.keyId().equals(checkpoint.keyId())) {
                // Only one key is published; a checkpoint naming another was not signed by it, whatever it says.
                signed = false;
                why = "the checkpoint names key " + checkpoint.keyId() + ", but the published key is "
                        + checkpoints.keyId();
            } else if (!signed) {
                why = "the signature does not verify with the published key";
            }
            check = new CheckpointCheck(signed, signed && why == null, why);
        }
        // A trail that does not extend what an auditor kept is not whole, whatever the database alone shows. A
        // checkpoint the service never signed proves nothing either way: it is reported, and the chain judged alone.
        boolean intact = problem == null && (check == null || !check.signatureValid() || check.extended());
        return new VerificationView(intact, walk.checked, headSeq, brokenAt, problem, refused, overdue, check);
    }

    /** What a walk of the chained entries found so far, and where it goes on from. */
    private static final class Walk {
        long checked;
        long lastSeq;
        byte[] lastHash = AuditChain.GENESIS;
        long expected = 1;
        Long brokenAt;
        String problem;
        boolean checkpointSeen;
        String checkpointProblem;
    }

    /**
     * Walks on from where the walk stopped. Entries another replica chains meanwhile are walked too: after
     * each pass the head is read again, and while it names entries past the walk's end the walk goes on, so that
     * chaining under way is never taken for a rewound head or a missing tail.
     */
    private Walk walk(CheckpointView checkpoint, String tenant) {
        Walk walk = new Walk();
        walk.checkpointSeen = checkpoint == null || checkpoint.seq() == 0;
        if (checkpoint != null
                && checkpoint.seq() == 0
                && !MessageDigest.isEqual(HexFormat.of().parseHex(checkpoint.hash()), AuditChain.GENESIS)) {
            walk.checkpointProblem = "a checkpoint of an empty chain must carry the genesis hash";
        }
        walkOn(walk, checkpoint);
        for (int pass = 0; pass < 3 && walk.problem == null && head(tenant).seq() > walk.lastSeq; pass++) {
            walkOn(walk, checkpoint);
        }
        if (!walk.checkpointSeen && walk.checkpointProblem == null) {
            walk.checkpointProblem = walk.problem != null
                    ? "the chain breaks at entry " + walk.brokenAt + ", before the checkpoint's entry "
                            + checkpoint.seq()
                    : "the chain ends at entry " + walk.lastSeq + ", before the checkpoint's entry " + checkpoint.seq()
                            + ": it was cut short";
        }
        return walk;
    }

    private void walkOn(Walk walk, CheckpointView checkpoint) {
        byte[] checkpointHash = checkpoint == null ? null : HexFormat.of().parseHex(checkpoint.hash());
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq >= :from order by seq", AuditEntry.class)
                    .setParameter("from", walk.expected)
                    .setMaxResults(VERIFY_BATCH)
                    .getResultList();
            for (AuditEntry entry : batch) {
                String problem = null;
                if (entry.seq != walk.expected) {
                    problem = "entry " + walk.expected + " is missing";
                } else if (!MessageDigest.isEqual(entry.prevHash, walk.lastHash)) {
                    problem = "does not link to the entry before it";
                } else if (!chain.verifies(walk.lastHash, entry.fields(), entry.hash)) {
                    problem = "its content does not match its hash";
                } else if (entry.mac != null && !chain.entryMacMatches(entry.fields(), entry.mac)) {
                    problem = "its content does not match the MAC the service wrote";
                }
                if (problem != null) {
                    walk.brokenAt = walk.expected;
                    walk.problem = problem;
                    em.clear();
                    return;
                }
                if (checkpoint != null && checkpoint.seq().equals(entry.seq)) {
                    walk.checkpointSeen = true;
                    if (!MessageDigest.isEqual(entry.hash, checkpointHash)) {
                        walk.checkpointProblem = "entry " + entry.seq + " is not the one the checkpoint signed: the"
                                + " chain was rewritten from there or before";
                    }
                }
                walk.lastSeq = entry.seq;
                walk.lastHash = entry.hash;
                walk.expected++;
                walk.checked++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                return;
            }
        }
    }

    /** Refused entries whose MAC is the service's own: marked refused by someone else than the chainer. */
    private long genuineAmongRefused() {
        return em.createQuery("from AuditEntry where refusedAt is not null", AuditEntry.class)
                .setMaxResults(10_000)
                .getResultStream()
                .filter(e -> chain.entryMacMatches(e.fields(), e.mac))
                .count();
    }

    private boolean chained(String tenant, long seq) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where tenant_id = ?1 and seq = ?2")
                                .setParameter(1, tenant)
                                .setParameter(2, seq)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    private AuditChainer.ChainHead head(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("select last_seq, last_hash from audit_chain where tenant_id = ?1")
                .setParameter(1, tenant)
                .getResultList();
        return heads.isEmpty()
                ? new AuditChainer.ChainHead(0, AuditChain.GENESIS)
                : new AuditChainer.ChainHead(((Number) heads.get(0)[0]).longValue(), (byte[]) heads.get(0)[1]);
    }

    private long count(String sql, String tenant) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, tenant).getSingleResult()).longValue();
    }

    private static void condition(StringBuilder where, Parameters params, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.and(field, value);
        }
    }

    /** An action the service never writes (a row put in by hand) lists as none; verification reports the row. */
    private static AuditAction action(String name) {
        try {
            return AuditAction.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }

    static EntryView view(AuditEntry e) {
        return new EntryView(
                e.seq,
                e.id,
                e.at,
                e.actor,
                e.actorAgencyId,
                java.util.Arrays.asList(e.actorRoles),
                action(e.action),
                e.recordType,
                e.recordId,
                e.caseId,
                java.util.Arrays.asList(e.categories),
                e.detail,
                e.requestId);
    }
}
