package kz.qorgau.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyDtos.AgencyChanges;
import kz.qorgau.agency.AgencyDtos.AgencyView;
import kz.qorgau.agency.AgencyDtos.NewAgency;
import kz.qorgau.agency.AgencyRepository.AgencyKey;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.Text;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.common.Versioned;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

@ApplicationScoped
public class AgencyService {

    @Inject
    AgencyRepository agencies;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Transactional
    public Page<AgencyView> list(AgencyKind kind, ServiceType service, String cursor, int limit) {
        access.require(Capability.READ_AGENCIES);
        Optional<AgencyKey> after = AgencyKey.fromCursor(cursor);
        // One row more than asked tells whether another page follows without a count query.
        List<Agency> rows = agencies.page(kind, service, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Agency> shown = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Agency last = shown.get(shown.size() - 1);
            next = new AgencyKey(last.name, last.id).toCursor();
        }
        return new Page<>(shown.stream().map(AgencyService::view).toList(), next);
    }

    @Transactional
    public Versioned<AgencyView> get(UUID id) {
        access.require(Capability.READ_AGENCIES);
        Agency agency = find(id);
        return new Versioned<>(view(agency), agency.version);
    }

    @Transactional
    public Versioned<AgencyView> register(NewAgency request) {
        access.require(Capability.REGISTER_AGENCY);
        ensureNameFree(request.name().strip(), null);
        refuseExternal(request.kind());
        Agency agency = new Agency();
        agency.id = ids.newId();
        agency.name = request.name().strip();
        agency.kind = request.kind();
        agency.district = blankToNull(request.district());
        agency.services = names(request.services());
        agency.email = blankToNull(request.email());
        agency.phone = blankToNull(request.phone());
        agency.active = true;
        agency.createdAt = clock.instant();
        agency.updatedAt = agency.createdAt;
        agencies.persist(agency);
        agencies.flush();
        return new Versioned<>(view(agency), agency.version);
    }

    @Transactional
    public Versioned<AgencyView> edit(UUID id, AgencyChanges changes, Optional<Long> expectedVersion) {
        access.require(Capability.EDIT_AGENCY);
        Agency agency = find(id);
        access.requireMayEditAgency(agency.id, changes.changesKindOrActive());
        long expected = Versioned.required(expectedVersion, "agency");
        Versioned.requireCurrent("agency", agency.version, expected);
        changes.name().kept().ifPresent(name -> {
            ensureNameFree(name.strip(), agency.id);
            agency.name = name.strip();
        });
        changes.kind().kept().ifPresent(kind -> {
            refuseExternal(kind);
            if (agency.kind == AgencyKind.EXTERNAL) {
                throw new ProblemException.InvalidInput("kind", "an external recipient's stand-in keeps its kind");
            }
            if (kind != agency.kind && hasWorkedOnCases(agency.id)) {
                // A consent she gave to "crisis centres" would otherwise come to cover an agency already on her case
                // that she never meant, and her report could no longer say on what ground it read her data.
                throw new ProblemException.Conflict(
                        "agency-kind-fixed",
                        "Agency " + agency.id + " has sent or received referrals or led cases: its kind is part of"
                                + " what her consents to agencies of a kind meant, so it stays; register the agency"
                                + " anew under its right kind",
                        java.util.Map.of());
            }
            agency.kind = kind;
        });
        changes.district().ifNamed(district -> agency.district = blankToNull(district));
        changes.services().ifNamed(services -> agency.services = names(services));
        changes.email().ifNamed(email -> agency.email = blankToNull(email));
        changes.phone().ifNamed(phone -> agency.phone = blankToNull(phone));
        changes.active().kept().ifPresent(active -> agency.active = active);
        agency.updatedAt = clock.instant();
        agencies.flush();
        return new Versioned<>(view(agency), agency.version);
    }

    private boolean hasWorkedOnCases(UUID agency) {
        return (Boolean) agencies.getEntityManager()
                .createNativeQuery("select exists (select 1 from referral where receiver_agency_id = ?1)"
                        + " or exists (select 1 from referral where sender_agency_id = ?1)"
                        + " or exists (select 1 from case_file where lead_agency_id = ?1)")
                .setParameter(1, agency)
                .getSingleResult();
    }

    private Agency find(UUID id) {
        return agencies.findByIdOptional(id).orElseThrow(() -> new ProblemException.NotFound("Agency " + id));
    }

    private void ensureNameFree(String name, UUID except) {
        if (Text.hasInvisible(name)) {
            // "Renamed2" and "Renamed2" with a zero-width space are two names that read as one.
            throw new ProblemException.InvalidInput("name", "must not contain invisible or control characters");
        }
        agencies.find("name", name)
                .firstResultOptional()
                .filter(other -> !other.id.equals(except))
                .ifPresent(other -> {
                    throw new ProblemException.Conflict("An agency named '" + name + "' already exists");
                });
    }

    private static String[] names(Set<ServiceType> services) {
        return services == null
                ? new String[0]
                : services.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static AgencyView view(Agency agency) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Arrays.stream(agency.services).map(ServiceType::valueOf).forEach(services::add);
        return new AgencyView(
                agency.id,
                agency.name,
                agency.kind,
                agency.district,
                services,
                // A recipient off the platform is reached by the sender who named it, not by the network.
                agency.kind == AgencyKind.EXTERNAL ? null : agency.email,
                agency.kind == AgencyKind.EXTERNAL ? null : agency.phone,
                agency.active,
                agency.createdAt,
                agency.updatedAt);
    }

    /** Stand-ins for recipients off the platform are made by their referral alone, never by hand. */
    private static void refuseExternal(AgencyKind kind) {
        if (kind == AgencyKind.EXTERNAL) {
            throw new ProblemException.InvalidInput(
                    "kind", "EXTERNAL is given only to a referral's recipient off the platform");
        }
    }
}
