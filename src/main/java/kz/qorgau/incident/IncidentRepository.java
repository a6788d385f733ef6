package kz.qorgau.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.Keyset;
import kz.qorgau.privacy.SealedText;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /**
     * Inserts the incident unless the agency already has one under the same idempotency key or external
     * reference. Done in SQL with ON CONFLICT so that concurrent retries of one post, which all miss a
     * prior lookup, still end with exactly one row and no failed transaction. The free text goes in sealed,
     * as the entity's converter would seal it.
     *
     * @return whether this call created the row
     */
    public boolean insertOnce(Incident incident) {
        int inserted = getEntityManager()
                .createNativeQuery("""
                insert into incident (id, tenant_id, reporting_agency_id, external_reference, idempotency_key,
                    request_hash, occurred_at, district, violence_kinds, children_present, weapons_involved,
                    injuries, description, persons, created_by, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as varchar(30)[]), ?10, ?11, ?12, cast(?13 as bytea),
                    cast(?14 as bytea), ?15, ?16, ?17)
                on conflict do nothing
                """)
                .setParameter(1, incident.id)
                .setParameter(2, incident.tenantId)
                .setParameter(3, incident.reportingAgencyId)
                .setParameter(4, incident.externalReference)
                .setParameter(5, incident.idempotencyKey)
                .setParameter(6, incident.requestHash)
                .setParameter(7, Timestamp.from(incident.occurredAt))
                .setParameter(8, incident.district)
                .setParameter(9, "{" + String.join(",", incident.violenceKinds) + "}")
                .setParameter(10, incident.childrenPresent)
                .setParameter(11, incident.weaponsInvolved)
                .setParameter(12, incident.injuries)
                .setParameter(13, SealedText.seal(incident.description))
                .setParameter(14, SealedText.seal(incident.persons))
                .setParameter(15, incident.createdBy)
                .setParameter(16, Timestamp.from(incident.createdAt))
                .setParameter(17, Timestamp.from(incident.updatedAt))
                // Named, so that Hibernate clears no other entity's caches for it (it otherwise assumes a native
                // statement touched every table, and walks every entity for each one).
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Incident.class)
                .executeUpdate();
        return inserted == 1;
    }

    public Optional<Incident> findByIdempotencyKey(UUID agency, String key) {
        return find("reportingAgencyId = ?1 and idempotencyKey = ?2", agency, key)
                .firstResultOptional();
    }

    public Optional<Incident> findByExternalReference(UUID agency, String reference) {
        return find("reportingAgencyId = ?1 and externalReference = ?2", agency, reference)
                .firstResultOptional();
    }

    /**
     * A page in (updated_at, id) order, of one agency's incidents or, with no agency, of the whole tenant:
     * served by incident_agency_updated_idx and incident_tenant_updated_idx.
     */
    public List<Incident> page(Optional<UUID> agency, Instant updatedSince, Optional<Keyset> after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        agency.ifPresent(a -> {
            where.append(" and reportingAgencyId = :agency");
            params.and("agency", a);
        });
        Keyset.restrict(where, params, updatedSince, after);
        return find(where + " order by updatedAt, id", params).page(0, limit).list();
    }
}
