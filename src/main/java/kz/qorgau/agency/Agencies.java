package kz.qorgau.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the other capabilities may know of an agency of the network: its kind, whether it still takes
 * referrals, what it offers. They ask here rather than read the agency's entity, so that the directory's
 * record can change without them.
 */
@ApplicationScoped
public class Agencies {

    @Inject
    AgencyRepository agencies;

    public record Facts(UUID id, String name, AgencyKind kind, boolean active, Set<ServiceType> services) {

        public boolean offers(ServiceType service) {
            return services.contains(service);
        }
    }

    /** The agency of the caller's network with this id; another network's agency is not found. */
    public Optional<Facts> find(UUID id) {
        return agencies.findByIdOptional(id).map(Agencies::facts);
    }

    /** The active agencies of the caller's network (or of the tenant a job acts for). */
    public Set<UUID> activeIds() {
        return Set.copyOf(agencies.getEntityManager()
                .createQuery("select a.id from Agency a where a.active", UUID.class)
                .getResultList());
    }

    /** These agencies of the caller's network, in one query. */
    public java.util.Map<UUID, Facts> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return agencies.getEntityManager()
                .createQuery("from Agency where id in :ids", Agency.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(a -> a.id, Agencies::facts));
    }

    /** How a partner calls the agency: its name, phone and contact point. */
    public record Contact(UUID id, String name, String phone, String contactPoint) {}

    public java.util.Map<UUID, Contact> contacts(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return agencies.getEntityManager()
                .createQuery("from Agency where id in :ids", Agency.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(
                        a -> a.id, a -> new Contact(a.id, a.name, a.phone, a.contactPoint)));
    }

    /**
     * The network's active agency of this kind that serves the district (its own district or one of those its
     * directory entry names), the first by name when several do.
     */
    public Optional<UUID> serving(AgencyKind kind, String district) {
        return agencies.getEntityManager()
                .createQuery(
                        "select a.id from Agency a where a.active and a.kind = :kind"
                                + " and (a.district = :district or array_contains(a.districts, :district))"
                                + " order by a.name, a.id",
                        UUID.class)
                .setParameter("kind", kind)
                .setParameter("district", district)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * A stand-in for a recipient off the platform, made for one referral: kind EXTERNAL, offering exactly what the
     * referral asks, named after the organisation (with a short id, as names are unique in a network), the person as
     * its contact point. It is in no list and no directory search, and no token names it.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public UUID standIn(
            UUID id,
            String organisation,
            String person,
            String email,
            String phone,
            Set<ServiceType> services,
            java.time.Instant now) {
        Agency agency = new Agency();
        agency.id = id;
        String shortId = id.toString().substring(id.toString().length() - 8);
        agency.name = organisation.strip() + " (off the platform, " + shortId + ")";
        agency.kind = AgencyKind.EXTERNAL;
        agency.services = services.stream().map(Enum::name).sorted().toArray(String[]::new);
        agency.contactPoint = person == null || person.isBlank() ? null : person.strip();
        agency.email = email == null || email.isBlank() ? null : email.strip();
        agency.phone = phone == null || phone.isBlank() ? null : phone.strip();
        agency.active = true;
        agency.acceptingReferrals = false;
        agency.createdAt = now;
        agency.updatedAt = now;
        agencies.persist(agency);
        return agency.id;
    }

    private static Facts facts(Agency agency) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Arrays.stream(agency.services).map(ServiceType::valueOf).forEach(services::add);
        return new Facts(agency.id, agency.name, agency.kind, agency.active, Set.copyOf(services));
    }
}
