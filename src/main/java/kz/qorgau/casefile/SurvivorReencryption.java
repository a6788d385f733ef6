package kz.qorgau.casefile;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.jboss.logging.Logger;

/**
 * Moves survivors' sealed data onto the active key after a rotation, a batch per transaction. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several replicas share the work without sealing a row twice,
 * and a restart resumes where the last committed batch ended. Once no row names an old key, that key
 * can leave the configuration.
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

    @Scheduled(every = "{qorgau.reencryption.check-every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
                int batch;
                do {
                    batch = self.reencryptBatch(tenant);
                    moved += batch;
                } while (batch == BATCH);
            } finally {
                override.clear();
            }
        }
        if (moved > 0) {
            LOG.infof("Re-encrypted %d survivors under key %s", moved, vault.activeKeyId());
        }
        return moved;
    }

    @Transactional
    int reencryptBatch(String tenantId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from survivor
                        where tenant_id = ?1 and key_id <> ?2 and anonymised_at is null
                        limit ?3 for update skip locked""", UUID.class)
                .setParameter(1, tenantId).setParameter(2, vault.activeKeyId()).setParameter(3, BATCH)
                .getResultList();
        for (UUID id : ids) {
            Survivor survivor = em.find(Survivor.class, id);
            vault.seal(survivor, tenantId, vault.open(survivor));
        }
        return ids.size();
    }
}
