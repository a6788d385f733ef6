package kz.qorgau.safecontact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseAccess.Grant;
import kz.qorgau.casefile.CaseAnonymised;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.Json;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.safecontact.ContactRules.ChannelRule;
import kz.qorgau.safecontact.ContactRules.Refusal;
import kz.qorgau.safecontact.SafeContactDtos.AcknowledgementView;
import kz.qorgau.safecontact.SafeContactDtos.AttemptView;
import kz.qorgau.safecontact.SafeContactDtos.ChannelRuleInput;
import kz.qorgau.safecontact.SafeContactDtos.NewAttempt;
import kz.qorgau.safecontact.SafeContactDtos.RulesUpdate;
import kz.qorgau.safecontact.SafeContactDtos.RulesView;
import kz.qorgau.safecontact.SafeContactDtos.StoredRules;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * Her safe-contact rules, their acknowledgements and the attempts to reach her. The agencies on her case keep the
 * rules; every party that her consent shows her contact data to reads and acknowledges them, and records its
 * attempts, which are refused when the channel is unsafe or the hour is not safe.
 */
@ApplicationScoped
public class SafeContactService {

    /** An attempt recorded later than this after it was made is refused: the log is kept as it happens. */
    static final Duration LATEST_RECORDING = Duration.ofDays(30);

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    CaseService cases;

    @Inject
    CaseAccess caseAccess;

    @Inject
    AuditTrail audit;

    @Inject
    EventLog events;

    @Inject
    Json json;

    @Inject
    TenantsConfig tenants;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** The caller's agency as a live party of her case that her consent shows her phone or address to. */
    private record Party(CaseRef caseRef, UUID agency, Grant grant) {}

    @Transactional
    public RulesView record(UUID caseId, RulesUpdate update, Optional<Long> expectedVersion) {
        Party party = party(caseId);
        if (!party.grant().standing().onCase()) {
            throw new ProblemException.Forbidden("Her safe-contact rules are kept by the agencies on her case");
        }
        // A closed case is no one's to contact her about any more: 409 case-closed.
        cases.workable(caseId);
        Map<Channel, ChannelRule> channels = channelsOf(update);
        lock(caseId);
        Optional<ContactRulesVersion> current = current(caseId);
        int currentVersion = current.map(c -> c.version).orElse(0);
        if (current.isPresent() || expectedVersion.isPresent()) {
            // Two agencies changing her rules at once: the second, who read the first's version, reads again.
            long expected = kz.qorgau.common.Versioned.required(expectedVersion, "contact rules");
            kz.qorgau.common.Versioned.requireCurrent("contact rules", currentVersion, expected);
        }
        ContactRules rules = new ContactRules(channels);
        boolean lead = party.caseRef().leadAgencyId().equals(party.agency());
        if (!lead) {
            // Another agency on her case may make her rules stricter, never looser: a careless or hostile partner
            // could otherwise give itself her phone by declaring every channel safe.
            ContactRulesVersion existing = current.orElseThrow(() -> new ProblemException.Forbidden(
                    "Her case's lead agency records her first safe-contact rules; another agency on her case may then"
                            + " make them stricter"));
            StoredRules before = stored(existing);
            if (stored(update).equals(before)) {
                // Nothing changed: no new version for every agency to acknowledge again.
                return view(existing, party.agency());
            }
            if (!SafeContactRules.tightens(before, stored(update), rules.loosens(rulesOf(existing)))) {
                throw new ProblemException.Forbidden("Only her case's lead agency may loosen or rewrite her"
                        + " safe-contact rules: another agency may make a channel unsafe or its days and hours"
                        + " narrower, add people who must not know, give a safe word where there was none and add"
                        + " to the notes, but not undo or replace what the rules say");
            }
        }
        Instant now = clock.instant();
        ContactRulesVersion version = new ContactRulesVersion();
        version.id = ids.newId();
        version.caseId = caseId;
        version.version = currentVersion + 1;
        version.rules = json.write(stored(update));
        version.phoneSafe = rules.releases(Channel.Uses.PHONE);
        version.addressSafe = rules.releases(Channel.Uses.ADDRESS);
        version.emailSafe = rules.releases(Channel.Uses.EMAIL);
        version.recordedBy = access.caller().subject();
        version.recordedByName = access.caller().username();
        version.recordedByAgency = party.agency();
        version.recordedAt = now;
        em.persist(version);
        em.flush();
        // Who wrote them has read them.
        acknowledge(caseId, version.version, party.agency(), now);
        Set<UUID> holders = holdersOfEarlierVersions(caseId, party.agency());
        if (!holders.isEmpty()) {
            events.append(
                    "case",
                    caseId,
                    "case.contact-rules-changed",
                    holders,
                    Map.of("caseId", caseId, "version", version.version));
        }
        audit.record(
                AuditAction.UPDATE,
                Subject.of("contact-rules", version.id, caseId),
                Set.of(DataCategory.CONTACT),
                "version " + version.version);
        return view(version, party.agency());
    }

    @Transactional
    public RulesView get(UUID caseId) {
        Party party = party(caseId);
        ContactRulesVersion version = current(caseId).orElseThrow(() -> noRules(caseId));
        audit.record(AuditAction.READ, Subject.of("contact-rules", version.id, caseId), Set.of(DataCategory.CONTACT));
        return view(version, party.agency());
    }

    /** The caller's agency read this version: from now on it gets what the rules release. */
    @Transactional
    public RulesView acknowledge(UUID caseId, int version) {
        Party party = party(caseId);
        lock(caseId);
        ContactRulesVersion current = current(caseId).orElseThrow(() -> noRules(caseId));
        if (current.version != version) {
            throw new ProblemException.Conflict(
                    "contact-rules-changed",
                    "Her safe-contact rules are at version " + current.version + " now: read them again and"
                            + " acknowledge that version",
                    Map.of("currentVersion", current.version));
        }
        acknowledge(caseId, version, party.agency(), clock.instant());
        audit.record(
                AuditAction.UPDATE,
                Subject.of("contact-rules", current.id, caseId),
                Set.of(),
                "version " + version + " acknowledged");
        return view(current, party.agency());
    }

    /**
     * Records an attempt to reach her, or refuses it (409) when no rules are recorded, the caller's agency has not
     * acknowledged the current ones, the channel is unsafe or the moment is outside its safe hours. An answer by
     * someone else, or a contact found unsafe, is told to the lead agency at once.
     */
    @Transactional
    public AttemptView attempt(UUID caseId, NewAttempt request) {
        Party party = party(caseId);
        // Held open until commit: a closure at the same moment waits, and an attempt after it is refused (409).
        cases.holdOpen(caseId);
        Instant now = clock.instant();
        // The database keeps microseconds: the attempt is judged at the moment it is stored as.
        Instant at = (request.attemptedAt() == null ? now : request.attemptedAt())
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            // An attempt is recorded when it has been made: one dated ahead would be judged by rules that may change.
            throw new ProblemException.InvalidInput("attemptedAt", "must not be after now");
        }
        if (at.isBefore(now.minus(LATEST_RECORDING))) {
            throw new ProblemException.InvalidInput("attemptedAt", "must be within the last 30 days");
        }
        DataCategory needed =
                request.channel().uses() == Channel.Uses.ADDRESS ? DataCategory.ADDRESS : DataCategory.CONTACT;
        if (!party.grant().shows(needed)) {
            throw new ProblemException.Forbidden("Her consent does not cover " + needed + " for your agency: it has"
                    + " nothing of hers to reach her by " + request.channel());
        }
        // An attempt is judged by the rules in force when it was made, and by what the agency had read by then.
        ContactRulesVersion current = inForceAt(caseId, at)
                .orElseThrow(() -> current(caseId).isPresent()
                        ? new ProblemException.Conflict(
                                "attempt-before-rules",
                                "No safe-contact rules of hers were in force at " + at
                                        + ": an attempt before them cannot be" + " recorded as safe",
                                Map.of())
                        : new ProblemException.Conflict(
                                "no-contact-rules",
                                "No agency on her case has recorded how it is safe to contact her: ask the lead agency to",
                                Map.of()));
        Optional<Instant> acknowledgedAt = acknowledgedAt(caseId, current.version, party.agency());
        if (acknowledgedAt.isEmpty() || at.isBefore(acknowledgedAt.get())) {
            throw new ProblemException.Conflict(
                    "contact-rules-not-acknowledged",
                    "Your agency had not acknowledged version " + current.version + " of her safe-contact rules, in"
                            + " force then: read and acknowledge her rules before contacting her",
                    Map.of("currentVersion", current(caseId).orElseThrow().version, "rulesVersion", current.version));
        }
        ContactRules rules = rulesOf(current);
        ZonedDateTime local = at.atZone(tenants.all().get(current.tenantId).zone());
        Optional<Refusal> refusal = rules.refusal(request.channel(), local);
        if (refusal.isPresent()) {
            audit.record(
                    AuditAction.CREATE,
                    Subject.of("contact-attempt", null, caseId),
                    Set.of(),
                    "refused: " + refusal.get().type() + " " + request.channel());
            throw new ProblemException.Conflict(
                    refusal.get().type(),
                    refusal.get().detail(),
                    Map.of("channel", request.channel(), "rulesVersion", current.version));
        }
        ContactAttempt attempt = new ContactAttempt();
        attempt.id = ids.newId();
        attempt.caseId = caseId;
        attempt.agencyId = party.agency();
        attempt.rulesVersion = current.version;
        attempt.channel = request.channel();
        attempt.attemptedAt = at;
        attempt.outcome = request.outcome();
        attempt.note = blankToNull(request.note());
        attempt.recordedBy = access.caller().username();
        attempt.recordedAt = now;
        em.persist(attempt);
        if (attempt.outcome.compromising()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("caseId", caseId);
            payload.put("attemptId", attempt.id);
            payload.put("agencyId", attempt.agencyId);
            payload.put("channel", attempt.channel);
            payload.put("outcome", attempt.outcome);
            payload.put("attemptedAt", attempt.attemptedAt);
            events.append(
                    "case",
                    caseId,
                    "case.contact-compromised",
                    Set.of(party.caseRef().leadAgencyId()),
                    payload);
        }
        audit.record(
                AuditAction.CREATE,
                Subject.of("contact-attempt", attempt.id, caseId),
                Set.of(DataCategory.CONTACT),
                attempt.channel + " " + attempt.outcome);
        return view(attempt);
    }

    /** The attempts every agency made to reach her, newest first. */
    @Transactional
    public Page<AttemptView> attempts(UUID caseId, String cursor, int limit) {
        party(caseId);
        Optional<Keyset> after = cursor == null ? Optional.empty() : Optional.of(Keyset.fromCursor(cursor));
        StringBuilder query = new StringBuilder("from ContactAttempt where caseId = :case");
        after.ifPresent(k -> query.append(" and (attemptedAt < :at or attemptedAt = :at and id < :id)"));
        query.append(" order by attemptedAt desc, id desc");
        var typed = em.createQuery(query.toString(), ContactAttempt.class)
                .setParameter("case", caseId)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> typed.setParameter("at", k.updatedAt()).setParameter("id", k.id()));
        List<ContactAttempt> rows = typed.getResultList();
        audit.record(AuditAction.LIST, Subject.of("contact-attempt", null, caseId), Set.of(DataCategory.CONTACT));
        return Keyset.page(rows, limit, a -> new Keyset(a.attemptedAt, a.id), SafeContactService::view);
    }

    /** Retention removes her personal data: the rules and the notes of the attempts go with it. */
    void forgetWithCase(@Observes CaseAnonymised anonymised) {
        em.createNativeQuery("update contact_rules set rules_sealed = null where case_id = ?1")
                .setParameter(1, anonymised.caseId())
                .executeUpdate();
        em.createNativeQuery("update contact_attempt set note_sealed = null where case_id = ?1")
                .setParameter(1, anonymised.caseId())
                .executeUpdate();
    }

    private Party party(UUID caseId) {
        access.require(Capability.KEEP_SAFE_CONTACT);
        UUID agency = callerAgency.requireRegistered();
        CaseRef caseRef = cases.find(caseId).orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
        Grant grant = caseAccess.to(caseRef.id(), caseRef.leadAgencyId());
        if (!grant.standing().liveParty()) {
            throw new ProblemException.NotFound("Case " + caseId);
        }
        // The rules govern her address as much as her phone: an agency given either reads them.
        if (!grant.shows(DataCategory.CONTACT) && !grant.shows(DataCategory.ADDRESS)) {
            throw new ProblemException.Forbidden("Her consent covers neither CONTACT nor ADDRESS for your agency: it"
                    + " has no contact data of hers, nor her rules for using it");
        }
        return new Party(caseRef, agency, grant);
    }

    private static Map<Channel, ChannelRule> channelsOf(RulesUpdate update) {
        Map<Channel, ChannelRule> channels = new EnumMap<>(Channel.class);
        List<FieldError> errors = new ArrayList<>();
        for (ChannelRuleInput input : update.channels()) {
            ChannelRule rule = new ChannelRule(input.safe(), input.days(), input.from(), input.until());
            if (channels.put(input.channel(), rule) != null) {
                errors.add(new FieldError("channels", input.channel() + " is stated more than once"));
            }
        }
        ContactRules.problems(channels).forEach(p -> errors.add(new FieldError(p[0], p[1])));
        if (update.language() == ContactLanguage.OTHER
                && (update.languageOther() == null || update.languageOther().isBlank())) {
            errors.add(new FieldError("languageOther", "must name the language when it is OTHER"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        return channels;
    }

    /** The rules as they are sealed: channels in order, text stripped, blanks absent. */
    private static StoredRules stored(RulesUpdate update) {
        return new StoredRules(
                update.channels().stream()
                        .sorted(java.util.Comparator.comparing(ChannelRuleInput::channel))
                        .map(SafeContactService::normalised)
                        .toList(),
                blankToNull(update.safeWord()),
                update.mustNotKnow() == null
                        ? List.of()
                        : update.mustNotKnow().stream().map(String::strip).toList(),
                update.language(),
                update.language() == ContactLanguage.OTHER ? blankToNull(update.languageOther()) : null,
                blankToNull(update.notes()));
    }

    private static ChannelRuleInput normalised(ChannelRuleInput input) {
        return new ChannelRuleInput(
                input.channel(),
                input.safe(),
                input.days() == null ? Set.of() : new java.util.TreeSet<>(input.days()),
                input.from(),
                input.until());
    }

    private ContactRules rulesOf(ContactRulesVersion version) {
        Map<Channel, ChannelRule> channels = new EnumMap<>(Channel.class);
        stored(version)
                .channels()
                .forEach(c -> channels.put(c.channel(), new ChannelRule(c.safe(), c.days(), c.from(), c.until())));
        return new ContactRules(channels);
    }

    private StoredRules stored(ContactRulesVersion version) {
        if (version.rules == null) {
            throw new ProblemException.Gone(
                    "personal-data-removed",
                    "Personal data removed",
                    "Her safe-contact rules were removed with her personal data");
        }
        return json.read(version.rules, StoredRules.class);
    }

    private Optional<ContactRulesVersion> current(UUID caseId) {
        return em.createQuery(
                        "from ContactRulesVersion where caseId = :case order by version desc",
                        ContactRulesVersion.class)
                .setParameter("case", caseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private void lock(UUID caseId) {
        // Versions of one case are numbered one after the other, and an acknowledgement names the current one.
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, caseId.getMostSignificantBits() ^ caseId.getLeastSignificantBits())
                .getSingleResult();
    }

    private Optional<Instant> acknowledgedAt(UUID caseId, int version, UUID agency) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select acknowledged_at from contact_rules_ack"
                        + " where case_id = ?1 and version = ?2 and agency_id = ?3")
                .setParameter(1, caseId)
                .setParameter(2, version)
                .setParameter(3, agency)
                .getResultList();
        return rows.stream().findFirst().map(kz.qorgau.common.SqlValues::instant);
    }

    /** The version of her rules in force at that moment: the last recorded by then. */
    private Optional<ContactRulesVersion> inForceAt(UUID caseId, Instant at) {
        return em.createQuery(
                        "from ContactRulesVersion where caseId = :case and recordedAt <= :at order by version desc",
                        ContactRulesVersion.class)
                .setParameter("case", caseId)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private void acknowledge(UUID caseId, int version, UUID agency, Instant at) {
        em.createNativeQuery("""
                        insert into contact_rules_ack
                            (case_id, version, agency_id, tenant_id, acknowledged_by, acknowledged_by_name,
                             acknowledged_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict do nothing""")
                .setParameter(1, caseId)
                .setParameter(2, version)
                .setParameter(3, agency)
                .setParameter(4, access.caller().tenantId())
                .setParameter(5, access.caller().subject())
                .setParameter(6, access.caller().username())
                .setParameter(7, java.sql.Timestamp.from(at))
                .executeUpdate();
    }

    /** The agencies that got her contact data under an earlier version: they must read the new one. */
    private Set<UUID> holdersOfEarlierVersions(UUID caseId, UUID except) {
        @SuppressWarnings("unchecked")
        List<UUID> agencies = em.createNativeQuery(
                        "select distinct agency_id from contact_rules_ack where case_id = ?1 and agency_id <> ?2",
                        UUID.class)
                .setParameter(1, caseId)
                .setParameter(2, except)
                .getResultList();
        return Set.copyOf(agencies);
    }

    private RulesView view(ContactRulesVersion version, UUID callerAgencyId) {
        StoredRules rules = stored(version);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select agency_id, acknowledged_by_name, acknowledged_at from contact_rules_ack
                        where case_id = ?1 and version = ?2 order by acknowledged_at, agency_id""")
                .setParameter(1, version.caseId)
                .setParameter(2, version.version)
                .setMaxResults(100)
                .getResultList();
        List<AcknowledgementView> acknowledgements = rows.stream()
                .map(r -> new AcknowledgementView(
                        (UUID) r[0], version.version, (String) r[1], kz.qorgau.common.SqlValues.instant(r[2])))
                .toList();
        return new RulesView(
                version.caseId,
                version.version,
                rules.channels(),
                rules.safeWord(),
                rules.mustNotKnow(),
                rules.language(),
                rules.languageOther(),
                rules.notes(),
                version.recordedByAgency,
                version.recordedByName,
                version.recordedAt,
                acknowledgements.stream().anyMatch(a -> a.agencyId().equals(callerAgencyId)),
                acknowledgements);
    }

    private static AttemptView view(ContactAttempt a) {
        return new AttemptView(
                a.id,
                a.caseId,
                a.agencyId,
                a.channel,
                a.attemptedAt,
                a.outcome,
                a.note,
                a.rulesVersion,
                a.recordedBy,
                a.recordedAt);
    }

    private static ProblemException noRules(UUID caseId) {
        return new ProblemException.NotFound("Safe-contact rules of case " + caseId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
