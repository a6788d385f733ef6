package kz.qorgau.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.JcaInstances;
import kz.qorgau.common.Json;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.incident.IncidentDtos.IncidentView;
import kz.qorgau.incident.IncidentDtos.NewIncident;
import kz.qorgau.incident.IncidentDtos.PersonInvolved;
import kz.qorgau.matching.IncidentAboutKnownSurvivor;
import kz.qorgau.matching.IncidentPeopleRecorded;
import kz.qorgau.matching.KnownSurvivorView;
import kz.qorgau.matching.PersonTokens;
import kz.qorgau.matching.SurvivorRecognition;
import kz.qorgau.notification.Outbox;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Capability;

@ApplicationScoped
public class IncidentService {

    /** Dispatch clocks drift; a report a little in the future is believable, one an hour ahead is not. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Older than this is a typing error, not an incident police are called to: it would only skew her history. */
    private static final int OLDEST_YEARS = 30;

    @Inject
    AuditTrail audit;

    @Inject
    IncidentRepository incidents;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    Outbox outbox;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    SurvivorRecognition recognition;

    @Inject
    Event<IncidentAboutKnownSurvivor> aboutKnownSurvivor;

    @Inject
    Event<IncidentPeopleRecorded> peopleRecorded;

    public record Reported(IncidentView incident, boolean created) {}

    /**
     * Records an incident once. A repeat under the same idempotency key or external reference returns the
     * incident first recorded; a repeat that says something else is refused.
     */
    @Transactional
    public Reported report(NewIncident request, Optional<String> idempotencyKey) {
        access.require(Capability.REPORT_INCIDENT);
        UUID agency = callerAgency.requireRegistered();
        Instant now = clock.instant();
        if (request.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new ProblemException.InvalidInput("occurredAt", "must not be in the future");
        }
        if (request.occurredAt()
                .isBefore(now.atZone(java.time.ZoneOffset.UTC)
                        .minusYears(OLDEST_YEARS)
                        .toInstant())) {
            throw new ProblemException.InvalidInput("occurredAt", "must be within the last 30 years");
        }
        List<PersonInvolved> persons = request.persons() == null ? List.of() : request.persons();
        checkPeople(persons);
        Incident incident = new Incident();
        incident.id = ids.newId();
        incident.tenantId = access.caller().tenantId();
        incident.reportingAgencyId = agency;
        incident.externalReference = request.externalReference();
        incident.idempotencyKey = idempotencyKey.orElse(null);
        incident.requestHash = hash(request);
        incident.occurredAt = request.occurredAt();
        incident.district = request.district().strip();
        incident.violenceKinds =
                EnumSet.copyOf(request.violenceKinds()).stream().map(Enum::name).toArray(String[]::new);
        incident.childrenPresent = request.childrenPresent();
        incident.weaponsInvolved = request.weaponsInvolved();
        incident.injuries = request.injuries();
        incident.description = request.description();
        incident.persons =
                json.write(persons.stream().map(PersonInvolved::withoutIin).toList());
        incident.createdBy = access.caller().subject();
        incident.createdAt = now;
        incident.updatedAt = now;

        if (incidents.insertOnce(incident)) {
            outbox.append(
                    "incident",
                    incident.id,
                    "incident.reported",
                    Set.of(agency),
                    Map.of(
                            "incidentId",
                            incident.id,
                            "reportingAgencyId",
                            agency,
                            "occurredAt",
                            incident.occurredAt,
                            "district",
                            incident.district));
            audit.record(
                    AuditAction.CREATE,
                    Subject.of("incident", incident.id, null),
                    Set.of(DataCategory.INCIDENT_DETAILS));
            List<PersonTokens> tokens = persons.stream()
                    .map(p -> recognition.tokens(p.iin(), p.name(), p.birthDate()))
                    .toList();
            List<SurvivorRecognition.NamedPerson> named = new ArrayList<>();
            for (int i = 0; i < persons.size(); i++) {
                named.add(new SurvivorRecognition.NamedPerson(
                        persons.get(i).role().name(), tokens.get(i)));
            }
            recognition.recordIncidentPeople(incident.id, incident.occurredAt, named);
            peopleRecorded.fire(
                    new IncidentPeopleRecorded(incident.id, agency, incident.occurredAt, List.copyOf(named)));
            Map<Integer, SurvivorRecognition.Known> known = knownOf(persons, tokens, incident.id);
            tellLeadAgencies(incident, known);
            return new Reported(
                    withKnown(view(incident, REPORTER_SEES), knownVictims(known, tokens, incident.id)), true);
        }
        Incident original = idempotencyKey
                .flatMap(key -> incidents.findByIdempotencyKey(agency, key))
                .or(() -> Optional.ofNullable(request.externalReference())
                        .flatMap(ref -> incidents.findByExternalReference(agency, ref)))
                .orElseThrow(() -> new IllegalStateException("Incident insert conflicted with no visible row"));
        if (!original.requestHash.equals(incident.requestHash)) {
            throw new ProblemException.Unprocessable("Incident " + original.id + " was already reported under this "
                    + (idempotencyKey.isPresent() && idempotencyKey.get().equals(original.idempotencyKey)
                            ? "Idempotency-Key"
                            : "externalReference")
                    + " with different content");
        }
        audit.record(
                AuditAction.READ,
                Subject.of("incident", original.id, null),
                Set.of(DataCategory.INCIDENT_DETAILS),
                "replayed");
        List<PersonTokens> tokens = persons.stream()
                .map(p -> recognition.tokens(p.iin(), p.name(), p.birthDate()))
                .toList();
        return new Reported(
                withKnown(
                        view(original, REPORTER_SEES),
                        knownVictims(knownOf(persons, tokens, original.id), tokens, original.id)),
                false);
    }

    /** Each person's IIN is checked and agrees with her birth date, and no one was born before 1900. */
    private static void checkPeople(List<PersonInvolved> persons) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            PersonInvolved person = persons.get(i);
            String at = "persons[" + i + "].";
            PersonTokens.problemOf(person.iin(), person.birthDate())
                    .ifPresent(problem -> errors.add(new FieldError(at + "iin", problem)));
            if (person.birthDate() != null && person.birthDate().isBefore(PersonTokens.EARLIEST_BIRTH)) {
                errors.add(new FieldError(at + "birthDate", "must be after " + PersonTokens.EARLIEST_BIRTH));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
    }

    /** What the network knows of each victim of the incident, by index in its persons. */
    private Map<Integer, SurvivorRecognition.Known> knownOf(
            List<PersonInvolved> persons, List<PersonTokens> tokens, UUID incidentId) {
        Map<Integer, SurvivorRecognition.Known> known = new java.util.TreeMap<>();
        for (int i = 0; i < persons.size(); i++) {
            if (persons.get(i).role() == IncidentDtos.PersonRole.VICTIM) {
                SurvivorRecognition.Known of = recognition.known(tokens.get(i), incidentId);
                if (of.any()) {
                    known.put(i, of);
                }
            }
        }
        return known;
    }

    /**
     * The victims the caller is told the network knows: only those it named (name and birth date), and their cases
     * only where the names agree. A call that names her leaves a trace on her case.
     */
    private List<KnownSurvivorView> knownVictims(
            Map<Integer, SurvivorRecognition.Known> known, List<PersonTokens> tokens, UUID incidentId) {
        List<KnownSurvivorView> told = new ArrayList<>();
        known.keySet()
                .forEach(i -> KnownSurvivorView.of(
                                i, tokens.get(i), recognition.knownToCaller(tokens.get(i), incidentId))
                        .ifPresent(view -> {
                            told.add(view);
                            if (view.openCaseId() != null) {
                                audit.record(
                                        AuditAction.READ,
                                        Subject.of("case", view.openCaseId(), view.openCaseId()),
                                        Set.of(),
                                        "recognised as the victim of incident " + incidentId);
                            }
                        }));
        return told;
    }

    /** The lead agency of each open case of a victim hears at once that a new incident is about her. */
    private void tellLeadAgencies(Incident incident, Map<Integer, SurvivorRecognition.Known> known) {
        known.values().stream()
                .flatMap(of -> of.openCases().stream())
                .map(open -> Map.entry(open.caseId(), open.leadAgencyId()))
                .distinct()
                .forEach(open -> {
                    outbox.append(
                            "case",
                            open.getKey(),
                            "case.incident-reported",
                            Set.of(open.getValue()),
                            Map.of(
                                    "caseId", open.getKey(),
                                    "incidentId", incident.id,
                                    "occurredAt", incident.occurredAt));
                    aboutKnownSurvivor.fire(new IncidentAboutKnownSurvivor(
                            open.getKey(), open.getValue(), incident.id, incident.createdAt));
                });
    }

    private static IncidentView withKnown(IncidentView view, List<KnownSurvivorView> known) {
        return new IncidentView(
                view.id(),
                view.reportingAgencyId(),
                view.externalReference(),
                view.occurredAt(),
                view.district(),
                view.violenceKinds(),
                view.childrenPresent(),
                view.weaponsInvolved(),
                view.injuries(),
                view.description(),
                view.persons(),
                view.createdAt(),
                view.updatedAt(),
                known);
    }

    @Transactional
    public IncidentView get(UUID id) {
        access.require(Capability.READ_INCIDENTS);
        Incident incident = visible(id);
        Set<DataCategory> shown = shownTo(incident);
        audit.record(AuditAction.READ, Subject.of("incident", incident.id, null), shown);
        return view(incident, shown);
    }

    /** Where and when an incident happened: all a notice about the children at it may say. */
    public record Occurrence(UUID id, Instant occurredAt, String district) {}

    /** The occurrence of an incident of the caller's network (no access check: the capability asking holds it). */
    public java.util.Optional<Occurrence> occurrence(UUID id) {
        return incidents.findByIdOptional(id).map(i -> new Occurrence(i.id, i.occurredAt, i.district));
    }

    /** Those of these incidents the caller may see: one query for all of them. */
    public Set<UUID> visibleAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<UUID> visible = new HashSet<>();
        incidents.list("id in ?1", ids).stream()
                .filter(i -> AccessRules.maySeeIncident(access.caller(), i.reportingAgencyId))
                .forEach(i -> visible.add(i.id));
        return visible;
    }

    /** An incident the caller may see, or 404 exactly as for one that does not exist. */
    private Incident visible(UUID id) {
        return incidents
                .findByIdOptional(id)
                .filter(i -> AccessRules.maySeeIncident(access.caller(), i.reportingAgencyId))
                .orElseThrow(() -> new ProblemException.NotFound("Incident " + id));
    }

    @Transactional
    public Page<IncidentView> list(Instant updatedSince, String cursor, int limit) {
        access.require(Capability.READ_INCIDENTS);
        Optional<UUID> agency = AccessRules.seesWholeNetwork(access.caller())
                ? Optional.empty()
                : access.caller().agencyId();
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        List<Incident> rows = incidents.page(agency, updatedSince, after, limit + 1);
        Set<DataCategory> shown = agency.isPresent() ? REPORTER_SEES : Set.of();
        audit.record(
                AuditAction.LIST,
                Subject.of("incident", null, null),
                shown,
                rows.size() > limit ? limit + " shown" : rows.size() + " shown");
        return Keyset.page(rows, limit, i -> new Keyset(i.updatedAt, i.id), i -> view(i, shown));
    }

    /**
     * The incidents' accounts, for a caller the case's grant lets see them (caseaccess.DataItem.INCIDENT_ACCOUNT),
     * with the people's names when it also lets it see those (INCIDENT_PERSON_NAMES).
     */
    public List<IncidentView> viewsOf(List<UUID> ids, boolean names) {
        Set<DataCategory> shown = names ? REPORTER_SEES : Set.of(DataCategory.INCIDENT_DETAILS);
        return ids.isEmpty()
                ? List.of()
                : incidents.list("id in ?1 order by occurredAt, id", ids).stream()
                        .map(i -> view(i, shown))
                        .toList();
    }

    /**
     * The reporting agency wrote the account and sees all of it; coordinators oversee the network's incidents
     * by their facts (when, where, what kind), never the account or the people in it.
     */
    private Set<DataCategory> shownTo(Incident incident) {
        return access.caller().belongsTo(incident.reportingAgencyId)
                        && AccessRules.may(access.caller(), Capability.READ_INCIDENTS)
                        && !AccessRules.seesWholeNetwork(access.caller())
                ? REPORTER_SEES
                : Set.of();
    }

    private static final Set<DataCategory> REPORTER_SEES = Set.of(DataCategory.INCIDENT_DETAILS, DataCategory.IDENTITY);

    private IncidentView view(Incident incident, Set<DataCategory> shown) {
        Set<ViolenceKind> kinds = EnumSet.noneOf(ViolenceKind.class);
        Arrays.stream(incident.violenceKinds).map(ViolenceKind::valueOf).forEach(kinds::add);
        boolean account = shown.contains(DataCategory.INCIDENT_DETAILS);
        List<PersonInvolved> persons = null;
        if (account) {
            // Retention leaves an incident without its people.
            persons = incident.persons == null
                    ? List.of()
                    : json.read(incident.persons, new TypeReference<List<PersonInvolved>>() {});
            if (!shown.contains(DataCategory.IDENTITY)) {
                persons = persons.stream().map(PersonInvolved::withoutIdentity).toList();
            }
        }
        return new IncidentView(
                incident.id,
                incident.reportingAgencyId,
                incident.externalReference,
                incident.occurredAt,
                incident.district,
                kinds,
                incident.childrenPresent,
                incident.weaponsInvolved,
                incident.injuries,
                account ? incident.description : null,
                persons,
                incident.createdAt,
                incident.updatedAt,
                null);
    }

    /** The fingerprint of what was reported, independent of the order sets happened to arrive in. */
    private String hash(NewIncident request) {
        NewIncident canonical = new NewIncident(
                request.externalReference(),
                request.occurredAt(),
                request.district(),
                EnumSet.copyOf(request.violenceKinds()),
                request.childrenPresent(),
                request.weaponsInvolved(),
                request.injuries(),
                request.description(),
                request.persons());
        byte[] digest = JcaInstances.sha256().digest(json.write(canonical).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
