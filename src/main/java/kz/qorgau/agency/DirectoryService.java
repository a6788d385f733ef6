package kz.qorgau.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyRepository.AgencyKey;
import kz.qorgau.agency.DirectoryDtos.EntryUpdate;
import kz.qorgau.agency.DirectoryDtos.EntryView;
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
        return new Page<>(shown.stream().map(DirectoryService::view).toList(), next);
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
        agency.services = update.services().stream().map(Enum::name).sorted().toArray(String[]::new);
        agency.districts =
                update.districts().stream().map(String::strip).sorted().toArray(String[]::new);
        agency.languages = update.languages().stream().sorted().toArray(String[]::new);
        agency.hours = blankToNull(update.hours());
        agency.freePlaces = update.freePlaces();
        agency.acceptingReferrals = update.acceptingReferrals();
        agency.directoryUpdatedAt = clock.instant();
        agency.updatedAt = agency.directoryUpdatedAt;
        agencies.flush();
        return new Versioned<>(view(agency), agency.version);
    }

    static EntryView view(Agency a) {
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
                a.directoryUpdatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
