package kz.qorgau.casefile;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import kz.qorgau.privacy.FieldCipher;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.jboss.logging.Logger;

/**
 * Moves survivors' sealed data onto the active key after a rotation, a batch per transaction. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several replicas share the work without sealing a row twice,
 * and a restart resumes where the last committed batch ended. Once no row names an old key, that key
 * can leave the configuration. Roll a new key out in two steps: add it to every replica, then make it
 * the active key; replicas that disagree on the active key would otherwise move rows back and forth.
 */
@ApplicationScoped
public class SurvivorReencryption {

    private static final Logger LOG = Logger.getLogger(SurvivorReencryption.class);
    private static final int BATCH = 200;

    @Inject
    TenantsConfig tenants;

    @Inject
    TenantOverride override;

    @Inject
    EntityManager em;

    @Inject
    SurvivorVault vault;

    @Inject
    SurvivorReencryption self;

    @Scheduled(
            every = "{qorgau.reencryption.check-every}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        reencryptAll();
    }

    /** @return how many survivors this call moved onto the active key, across all tenants */
    @ActivateRequestContext
    public int reencryptAll() {
        int moved = 0;
        for (String tenant : tenants.all().keySet()) {
            override.actFor(tenant);
            try {
                // Through the tenant's rows once, in id order: a row that cannot move is passed, not retried forever.
                UUID after = new UUID(0, 0);
                Batch batch;
                do {
                    batch = self.reencryptBatch(tenant, after);
                    moved += batch.moved();
                    after = batch.last();
                } while (batch.claimed() == BATCH);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Re-encryption of tenant %s stopped; it resumes on the next run", tenant);
            } finally {
                override.clear();
            }
        }
        if (moved > 0) {
            LOG.infof("Re-encrypted %d survivors under key %s", moved, vault.activeKeyId());
        }
        return moved;
    }

    record Batch(int claimed, int moved, UUID last) {}

    @Transactional
    Batch reencryptBatch(String tenantId, UUID after) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from survivor
                        where tenant_id = ?1 and key_id <> ?2 and anonymised_at is null and id > ?3
                        order by id limit ?4 for update skip locked""", UUID.class)
                .setParameter(1, tenantId)
                .setParameter(2, vault.activeKeyId())
                .setParameter(3, after)
                .setParameter(4, BATCH)
                .getResultList();
        int moved = 0;
        for (UUID id : ids) {
            Survivor survivor = em.find(Survivor.class, id);
            // A replica that does not hold the row's key yet (a rolling key change) leaves it to one that does.
            if (!vault.canReseal(survivor)) {
                continue;
            }
            try {
                vault.seal(survivor, tenantId, vault.open(survivor));
                moved++;
            } catch (FieldCipher.TamperedValue e) {
                em.detach(survivor);
                LOG.errorf(
                        "Survivor %s of tenant %s does not open and stays as it is: %s", id, tenantId, e.getMessage());
            }
        }
        return new Batch(ids.size(), moved, ids.isEmpty() ? after : ids.get(ids.size() - 1));
    }
}
