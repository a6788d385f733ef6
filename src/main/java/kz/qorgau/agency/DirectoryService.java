package kz.qorgau.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyRepository.AgencyKey;
import kz.qorgau.agency.DirectoryDtos.EntryUpdate;
import kz.qorgau.agency.DirectoryDtos.EntryView;
import kz.qorgau.agency.DirectoryDtos.PremisesUpdate;
import kz.qorgau.agency.DirectoryDtos.PremisesView;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.Versioned;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Capability;

/** Where a sender finds a receiver: what each agency of the network offers, where, and whether it has room. */
@ApplicationScoped
public class DirectoryService {

    @Inject
    AgencyRepository agencies;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<PremisesMoved> premisesMoved;

    @Transactional
    public Page<EntryView> search(
            ServiceType service, String district, String language, Boolean acceptingNow, String cursor, int limit) {
        access.require(Capability.READ_AGENCIES);
        Optional<AgencyKey> after = AgencyKey.fromCursor(cursor);
        List<Agency> rows = agencies.directoryPage(
                service, blankToNull(district), blankToNull(language), acceptingNow, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Agency> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new AgencyKey(shown.get(limit - 1).name, shown.get(limit - 1).id).toCursor() : null;
        UUID caller = access.caller().agencyId().orElse(null);
        return new Page<>(shown.stream().map(a -> view(a, caller)).toList(), next);
    }

    /** The agency's own staff replace its entry; the time of the update is kept for senders to judge it by. */
    @Transactional
    public Versioned<EntryView> update(UUID agencyId, EntryUpdate update, Optional<Long> expectedVersion) {
        access.require(Capability.EDIT_DIRECTORY_ENTRY);
        Agency agency = agencies.findByIdOptional(agencyId)
                .orElseThrow(() -> new ProblemException.NotFound("Agency " + agencyId));
        if (!AccessRules.mayEditDirectoryEntry(access.caller(), agency.id)) {
            throw new ProblemException.Forbidden("An agency's directory entry is kept by its own staff");
        }
        // Two people updating free places at once: the second, who read the entry before the first wrote, reads again.
        long expected = Versioned.required(expectedVersion, "agency");
        Versioned.requireCurrent("agency", agency.version, expected);
        apply(agency, update);
        agencies.flush();
        return new Versioned<>(view(agency, access.caller().agencyId().orElse(null)), agency.version);
    }

    /**
     * Every entry of the network as a partner outside its agencies sees it, for an export that travels: a
     * confidential address is left out whoever asks, the agency's own staff included. At most {@code max} entries.
     */
    @Transactional
    public List<EntryView> publicEntries(int max) {
        access.require(Capability.READ_AGENCIES);
        List<EntryView> entries = new ArrayList<>();
        Optional<AgencyKey> after = Optional.empty();
        while (entries.size() < max) {
            int want = Math.min(500, max - entries.size());
            List<Agency> rows = agencies.directoryPage(null, null, null, null, after, want);
            rows.forEach(agency -> entries.add(view(agency, null)));
            if (rows.size() < want) {
                break;
            }
            Agency last = rows.get(rows.size() - 1);
            after = Optional.of(new AgencyKey(last.name, last.id));
        }
        return entries;
    }

    /**
     * Replaces what the entries of several agencies say of their services (a directory imported by its coordinator):
     * all of them in this transaction or none. Unknown agencies, stand-ins off the platform and inactive agencies are
     * named in one refusal, before anything changes; an entry changed after the time the file says it was read
     * ({@code readAt}, when it says one) is a conflict, so a file made earlier cannot undo it. Whether an agency
     * takes referrals and its free places stay as its staff last said: they change by the hour, a file does not.
     */
    @Transactional
    public void replaceEntries(Map<UUID, EntryUpdate> updates, Map<UUID, String> whereEach, Map<UUID, Instant> readAt) {
        access.require(Capability.IMPORT_DIRECTORY);
        Map<UUID, Agency> found = new java.util.HashMap<>();
        agencies.list("id in ?1", updates.keySet()).forEach(agency -> found.put(agency.id, agency));
        List<ProblemException.FieldError> unknown = new ArrayList<>();
        List<UUID> changed = new ArrayList<>();
        updates.keySet().forEach(id -> {
            Agency agency = found.get(id);
            if (agency == null || agency.kind == AgencyKind.EXTERNAL || !agency.active) {
                unknown.add(
                        new ProblemException.FieldError(whereEach.get(id), "names no active agency of this network"));
            } else if (readAt.containsKey(id)
                    && agency.directoryUpdatedAt != null
                    && agency.directoryUpdatedAt.isAfter(readAt.get(id))) {
                changed.add(id);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProblemException.InvalidInput(unknown);
        }
        if (!changed.isEmpty()) {
            throw new ProblemException.Conflict(
                    "entry-changed",
                    "The directory entries of " + changed.size() + " agencies changed after the file was exported;"
                            + " export again",
                    Map.of("agencyIds", changed));
        }
        updates.forEach((id, update) -> {
            Agency agency = found.get(id);
            apply(
                    agency,
                    new EntryUpdate(
                            update.services(),
                            update.districts(),
                            update.languages(),
                            update.hours(),
                            agency.freePlaces,
                            agency.acceptingReferrals,
                            update.contactPoint()));
        });
        agencies.flush();
    }

    /** Where the agency is: its own staff alone read and keep it. */
    @Transactional
    public Versioned<PremisesView> premises(UUID agencyId) {
        Agency agency = ownPremises(agencyId);
        return new Versioned<>(premisesView(agency), agency.version);
    }

    @Transactional
    public Versioned<PremisesView> updatePremises(
            UUID agencyId, PremisesUpdate update, Optional<Long> expectedVersion) {
        Agency agency = ownPremises(agencyId);
        long expected = Versioned.required(expectedVersion, "agency");
        Versioned.requireCurrent("agency", agency.version, expected);
        String street = blankToNull(update.streetAddress());
        if (!java.util.Objects.equals(street, agency.streetAddress)) {
            // A shelter that moves (often because its address got out) shares the new one afresh, or not at all.
            premisesMoved.fire(new PremisesMoved(agency.id));
        }
        agency.streetAddress = street;
        agency.addressConfidential = update.addressConfidential();
        agency.updatedAt = clock.instant();
        agencies.flush();
        return new Versioned<>(premisesView(agency), agency.version);
    }

    /** What accepting a referral did to the receiver's free places. */
    public enum PlaceTaken {
        TAKEN,
        /** The receiver counts no places. */
        NOT_COUNTED,
        /** Its count says it has none free: the centre corrects the count first if it has. */
        FULL
    }

    /**
     * Takes one of the agency's free places, in the caller's transaction, by one statement that cannot take the last
     * place twice. The agency's version moves, so a count corrected on a stale read is refused (412). Nothing in a
     * transition writes the agency's entity, so a copy of it loaded earlier in the transaction is left as it was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlaceTaken takePlace(UUID agencyId) {
        int taken = agencies.getEntityManager()
                .createNativeQuery("update agency set free_places = free_places - 1, version = version + 1,"
                        + " updated_at = ?2 where id = ?1 and free_places > 0")
                .setParameter(1, agencyId)
                .setParameter(2, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
        if (taken == 1) {
            return PlaceTaken.TAKEN;
        }
        Object places = agencies.getEntityManager()
                .createNativeQuery("select free_places from agency where id = ?1")
                .setParameter(1, agencyId)
                .getSingleResult();
        return places == null ? PlaceTaken.NOT_COUNTED : PlaceTaken.FULL;
    }

    /** Gives back the place a referral took, when it ends; an agency that stopped counting places is left so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void givePlaceBack(UUID agencyId) {
        agencies.getEntityManager()
                .createNativeQuery("update agency set free_places = free_places + 1, version = version + 1,"
                        + " updated_at = ?2 where id = ?1 and free_places is not null")
                .setParameter(1, agencyId)
                .setParameter(2, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** The street address an agency shares with a sender, whether or not it is confidential. */
    public Optional<String> streetAddressOf(UUID agencyId) {
        return agencies.findByIdOptional(agencyId).map(a -> a.streetAddress);
    }

    public Optional<String> contactPointOf(UUID agencyId) {
        return agencies.findByIdOptional(agencyId).map(a -> a.contactPoint);
    }

    private Agency ownPremises(UUID agencyId) {
        access.require(Capability.EDIT_DIRECTORY_ENTRY);
        Agency agency = agencies.findByIdOptional(agencyId)
                .orElseThrow(() -> new ProblemException.NotFound("Agency " + agencyId));
        // Not even coordinators: a shelter's address is its own staff's to know.
        if (!access.caller().belongsTo(agency.id)) {
            throw new ProblemException.Forbidden("An agency's premises are known to its own staff alone");
        }
        return agency;
    }

    private static PremisesView premisesView(Agency a) {
        return new PremisesView(a.id, a.streetAddress, a.addressConfidential);
    }

    private void apply(Agency agency, EntryUpdate update) {
        agency.services = update.services().stream().map(Enum::name).sorted().toArray(String[]::new);
        agency.districts =
                update.districts().stream().map(String::strip).sorted().toArray(String[]::new);
        agency.languages = update.languages().stream().sorted().toArray(String[]::new);
        agency.hours = blankToNull(update.hours());
        agency.freePlaces = update.freePlaces();
        agency.acceptingReferrals = update.acceptingReferrals();
        agency.contactPoint = blankToNull(update.contactPoint());
        agency.directoryUpdatedAt = clock.instant();
        agency.updatedAt = agency.directoryUpdatedAt;
    }

    static EntryView view(Agency a, UUID callerAgency) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Arrays.stream(a.services).map(ServiceType::valueOf).forEach(services::add);
        return new EntryView(
                a.id,
                a.name,
                a.kind,
                services,
                new LinkedHashSet<>(Arrays.asList(a.districts)),
                new LinkedHashSet<>(Arrays.asList(a.languages)),
                a.hours,
                a.freePlaces,
                a.acceptingReferrals,
                a.acceptingNow(),
                a.directoryUpdatedAt,
                a.contactPoint,
                !a.addressConfidential || a.id.equals(callerAgency) ? a.streetAddress : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
