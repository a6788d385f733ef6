package kz.qorgau.agency;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.Cursor;

/** Every query here is limited to the caller's tenant by Hibernate's tenant discriminator. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** Keyset page in (name, id) order: served by agency_tenant_name_idx or agency_tenant_kind_name_idx. */
    public List<Agency> page(AgencyKind kind, ServiceType service, Optional<AgencyKey> after, int limit) {
        // A deactivated agency takes no referrals and is no longer listed; a stand-in off the platform never is.
        StringBuilder where = new StringBuilder("active = true and kind <> kz.qorgau.agency.AgencyKind.EXTERNAL");
        Parameters params = new Parameters();
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (service != null) {
            where.append(" and array_contains(services, :service)");
            params.and("service", service.name());
        }
        if (after.isPresent()) {
            where.append(" and (name, id) > (:afterName, :afterId)");
            params.and("afterName", after.get().name())
                    .and("afterId", after.get().id());
        }
        return find(where + " order by name, id", params).page(0, limit).list();
    }

    /** The directory: agencies offering a service, in a district, in a language, taking referrals now. */
    public List<Agency> directoryPage(
            ServiceType service,
            String district,
            String language,
            Boolean acceptingNow,
            Optional<AgencyKey> after,
            int limit) {
        // A deactivated agency takes no referrals and is no longer listed; a stand-in off the platform never is.
        StringBuilder where = new StringBuilder("active = true and kind <> kz.qorgau.agency.AgencyKind.EXTERNAL");
        Parameters params = new Parameters();
        if (service != null) {
            where.append(" and array_contains(services, :service)");
            params.and("service", service.name());
        }
        if (district != null) {
            where.append(" and array_contains(districts, :district)");
            params.and("district", district);
        }
        if (language != null) {
            where.append(" and array_contains(languages, :language)");
            params.and("language", language);
        }
        if (Boolean.TRUE.equals(acceptingNow)) {
            where.append(" and acceptingReferrals = true and (freePlaces is null or freePlaces > 0)");
        } else if (Boolean.FALSE.equals(acceptingNow)) {
            where.append(" and not (acceptingReferrals = true and (freePlaces is null or freePlaces > 0))");
        }
        after.ifPresent(k -> {
            where.append(" and (name, id) > (:afterName, :afterId)");
            params.and("afterName", k.name()).and("afterId", k.id());
        });
        return find(where + " order by name, id", params).page(0, limit).list();
    }

    /** The position after the last agency of a page, in (name, id) order. */
    public record AgencyKey(String name, UUID id) {

        public String toCursor() {
            return Cursor.encode(name, id.toString());
        }

        static Optional<AgencyKey> fromCursor(String cursor) {
            if (cursor == null) {
                return Optional.empty();
            }
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                return Optional.of(new AgencyKey(keys.get(0), UUID.fromString(keys.get(1))));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
    }
}
