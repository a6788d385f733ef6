package kz.qorgau.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import kz.qorgau.agency.Agencies;
import kz.qorgau.audit.AuditDtos.CheckpointView;
import kz.qorgau.audit.AuditDtos.SigningKeyView;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints of each tenant's chain head, sent out of the database: to the log as one structured line,
 * and as an {@code audit.checkpoint} event to every subscriber whose roles read the audit trail. An auditor who
 * keeps one can later prove the chain still extends it, which no one who can only write to the database can
 * fake: deleting the tail and rewinding the head, or rewriting and re-chaining entries, both show.
 *
 * <p>One a tenant every {@code qorgau.audit.checkpoint-every}, whichever replica gets there first, and one on
 * an auditor's demand.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    AuditChainer chainer;

    @Inject
    CheckpointSigner signer;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    EventLog events;

    @Inject
    Agencies agencies;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @ConfigProperty(name = "qorgau.audit.checkpoint-every")
    String every;

    /** An auditor's checkpoint, taken now of the chain as it stands once what committed is chained. */
    @Transactional
    public CheckpointView takeNow() {
        access.require(Capability.READ_AUDIT);
        String tenant = access.caller().tenantId();
        chainer.chain(tenant);
        return take(tenant)
                .orElseThrow(() -> new ProblemException.Conflict(
                        "The chain head does not name the last chained entry, so it is not signed; verify the trail"));
    }

    public SigningKeyView signingKey() {
        return new SigningKeyView(signer.keyId(), "Ed25519", signer.publicKeyBase64());
    }

    @Scheduled(
            every = "{qorgau.audit.checkpoint-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void periodically() {
        Duration interval = Duration.parse("PT" + every.strip().toUpperCase(java.util.Locale.ROOT));
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                chainer.chain(tenant);
                QuarkusTransaction.requiringNew().run(() -> {
                    if (dueAndClaimed(tenant, interval)) {
                        take(tenant);
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf("AUDIT_CHECKPOINT_FAILED tenant=%s: %s", tenant, e.getMessage());
            } finally {
                override.clear();
            }
        }
    }

    // Replicas take turns through a transaction-scoped advisory lock; the last checkpoint's time says whether
    // one is due (a little early is allowed, so that schedules drifting apart do not skip a period).
    private boolean dueAndClaimed(String tenant, Duration interval) {
        boolean claimed = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "qorgau.audit-checkpoint." + tenant)
                .getSingleResult();
        if (!claimed) {
            return false;
        }
        Object last = em.createNativeQuery("select max(at) from audit_checkpoint where tenant_id = ?1")
                .setParameter(1, tenant)
                .getSingleResult();
        Instant lastAt = last == null ? null : toInstant(last);
        return lastAt == null
                || !lastAt.plus(interval.multipliedBy(9).dividedBy(10)).isAfter(clock.instant());
    }

    private Optional<CheckpointView> take(String tenant) {
        return chainer.consistentHead(tenant)
                .map(head -> record(tenant, head, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Signs the head as it stood at {@code at} and sends the checkpoint out, once. Two auditors can ask in the same
     * microsecond while nothing new is chained (the race test saw it once in 600 checkpoints): theirs is the same
     * checkpoint, signature and all, since Ed25519 signs deterministically. The second is answered the first's, not a
     * refusal of a duplicate key, and it is not sent out again.
     */
    CheckpointView record(String tenant, AuditChainer.ChainHead head, Instant at) {
        CheckpointSigner.Head signed = new CheckpointSigner.Head(tenant, head.seq(), head.hash(), at);
        byte[] signature = signer.sign(signed);
        int inserted = em.createNativeQuery("insert into audit_checkpoint (tenant_id, seq, hash, at, key_id, signature)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, tenant)
                .setParameter(2, signed.seq())
                .setParameter(3, signed.hash())
                .setParameter(4, Timestamp.from(at))
                .setParameter(5, signer.keyId())
                .setParameter(6, signature)
                .executeUpdate();
        if (inserted == 0) {
            return stored(tenant, head.seq(), at);
        }
        CheckpointView view = new CheckpointView(
                tenant,
                signed.seq(),
                HexFormat.of().formatHex(signed.hash()),
                at,
                signer.keyId(),
                Base64.getEncoder().encodeToString(signature));
        events.append("audit", ids.newId(), "audit.checkpoint", agencies.activeIds(), view);
        LOG.infof(
                "AUDIT_CHECKPOINT tenant=%s seq=%d hash=%s at=%s keyId=%s signature=%s",
                view.tenantId(), view.seq(), view.hash(), view.at(), view.keyId(), view.signature());
        return view;
    }

    private CheckpointView stored(String tenant, long seq, Instant at) {
        Object[] row = (Object[]) em.createNativeQuery("select hash, key_id, signature from audit_checkpoint"
                        + " where tenant_id = ?1 and at = ?2 and seq = ?3")
                .setParameter(1, tenant)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, seq)
                .getSingleResult();
        return new CheckpointView(
                tenant,
                seq,
                HexFormat.of().formatHex((byte[]) row[0]),
                at,
                (String) row[1],
                Base64.getEncoder().encodeToString((byte[]) row[2]));
    }

    /** Whether this service signed the checkpoint (with the key it publishes). */
    String keyId() {
        return signer.keyId();
    }

    boolean signatureValid(CheckpointView checkpoint) {
        try {
            return signer.verifies(
                    new CheckpointSigner.Head(
                            checkpoint.tenantId(),
                            checkpoint.seq(),
                            HexFormat.of().parseHex(checkpoint.hash()),
                            checkpoint.at()),
                    Base64.getDecoder().decode(checkpoint.signature()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
