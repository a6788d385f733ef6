package kz.qorgau.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentDtos.NewConsent;
import kz.qorgau.security.AccessPolicy;

@ApplicationScoped
public class ConsentService {

    @Inject
    EntityManager em;

    @Inject
    Agencies agencies;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    /**
     * Records a consent on a case the caller's agency works; the caller has been checked by the case. The
     * recording agency is never among its recipients, and she cannot have given it before the case was
     * opened or later than now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConsentView record(UUID caseId, Instant caseOpenedAt, NewConsent request) {
        UUID recorder = callerAgency.requireRegistered();
        Instant now = clock.instant();
        Set<UUID> recipients = request.recipientAgencyIds() == null ? Set.of() : request.recipientAgencyIds();
        Set<AgencyKind> kinds = request.recipientKinds() == null ? Set.of() : request.recipientKinds();
        List<FieldError> errors = new ArrayList<>();
        if (recipients.isEmpty() && kinds.isEmpty()) {
            errors.add(new FieldError("recipientAgencyIds", "or recipientKinds must name who may receive the data"));
        }
        recipients.stream()
                .filter(id -> agencies.find(id).isEmpty())
                .sorted()
                .forEach(id ->
                        errors.add(new FieldError("recipientAgencyIds", "names no agency of this network: " + id)));
        if (kinds.contains(AgencyKind.EXTERNAL)) {
            // A recipient off the platform is one she agreed to by name, never one of a kind.
            errors.add(new FieldError("recipientKinds", "must not name EXTERNAL: name the external recipient's id"));
        }
        if (agencies.find(recorder).map(a -> a.kind() == AgencyKind.HOTLINE).orElse(false)
                && request.method() != ConsentMethod.PHONE) {
            errors.add(new FieldError("method", "must be PHONE: a hotline hears her consent on the phone"));
        }
        if (recipients.contains(recorder)) {
            errors.add(new FieldError("recipientAgencyIds", "must not name the recording agency: " + recorder));
        }
        Instant givenAt = request.givenAt() == null ? now : request.givenAt();
        if (givenAt.isAfter(now)) {
            errors.add(new FieldError("givenAt", "must not be in the future"));
        }
        if (givenAt.isBefore(caseOpenedAt)) {
            errors.add(new FieldError("givenAt", "must not be before the case was opened, at " + caseOpenedAt));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(givenAt)) {
            errors.add(new FieldError("expiresAt", "must be after givenAt"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        Consent consent = new Consent();
        consent.id = ids.newId();
        consent.caseId = caseId;
        consent.recipientAgencyIds = recipients.stream().sorted().toArray(UUID[]::new);
        consent.recipientKinds = EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(AgencyKind.class) : kinds).stream()
                .map(Enum::name)
                .toArray(String[]::new);
        consent.categories =
                EnumSet.copyOf(request.categories()).stream().map(Enum::name).toArray(String[]::new);
        consent.method = request.method();
        consent.givenAt = givenAt;
        consent.expiresAt = request.expiresAt();
        consent.recordedBy = access.caller().subject();
        consent.recordedByAgency = recorder;
        consent.createdAt = now;
        em.persist(consent);
        return view(consent, true);
    }

    /**
     * The consent in force now that lets the case's data go to this agency, if there is one, held (a share
     * lock until commit) so that a withdrawal at the same moment either waits for the referral sent under it
     * or is seen by it: nothing goes out under a consent withdrawn before the referral was sent.
     */
    public Optional<UUID> covering(UUID caseId, UUID agency, AgencyKind kind) {
        Instant now = clock.instant();
        for (Consent consent : byCase(caseId)) {
            if (consent.covers(agency, kind, now)) {
                em.refresh(consent, LockModeType.PESSIMISTIC_READ);
                if (consent.covers(agency, kind, now)) {
                    return Optional.of(consent.id);
                }
            }
        }
        return Optional.empty();
    }

    /** Holds the consent for a change until commit, as it stands now: changes of one consent go one by one. */
    private void holdForChange(Consent consent) {
        em.refresh(consent, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The categories of every consent in force now that lets the case's data go to this agency. */
    public Set<DataCategory> categoriesFor(UUID caseId, UUID agency, AgencyKind kind) {
        Instant now = clock.instant();
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        byCase(caseId).stream()
                .filter(c -> c.covers(agency, kind, now))
                .forEach(c -> categories.addAll(c.categorySet()));
        return categories;
    }

    /** For each of the cases, the categories of the consents in force now that cover this agency; one query. */
    public Map<UUID, Set<DataCategory>> categoriesFor(Collection<UUID> caseIds, UUID agency, AgencyKind kind) {
        Instant now = clock.instant();
        Map<UUID, Set<DataCategory>> categories = new HashMap<>();
        if (caseIds.isEmpty()) {
            return categories;
        }
        em
                .createQuery("from Consent where caseId in :ids", Consent.class)
                .setParameter("ids", caseIds)
                .getResultList()
                .stream()
                .filter(c -> c.covers(agency, kind, now))
                .forEach(c -> categories
                        .computeIfAbsent(c.caseId, id -> EnumSet.noneOf(DataCategory.class))
                        .addAll(c.categorySet()));
        return categories;
    }

    /** A consent of the case, or 404 exactly as for one that does not exist. */
    private Consent ofCase(UUID caseId, UUID consentId) {
        Consent consent = em.find(Consent.class, consentId);
        if (consent == null || !consent.caseId.equals(caseId)) {
            throw new ProblemException.NotFound("Consent " + consentId + " of case " + caseId);
        }
        return consent;
    }

    /**
     * She withdrew her consent to this agency, and to it alone: every consent of the case that covers it
     * stops covering it, while the other agencies they name keep what they see.
     *
     * @return the consents this call changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> withdrawFrom(UUID caseId, UUID agency, AgencyKind kind) {
        Instant now = clock.instant();
        List<UUID> changed = new ArrayList<>();
        for (Consent consent : byCase(caseId)) {
            if (consent.covers(agency, kind, now)) {
                // Receivers withdrawing under one consent at once take turns instead of failing each other.
                holdForChange(consent);
                if (!consent.covers(agency, kind, now)) {
                    continue;
                }
                UUID[] from = Arrays.copyOf(consent.withdrawnFrom, consent.withdrawnFrom.length + 1);
                from[from.length - 1] = agency;
                consent.withdrawnFrom = from;
                changed.add(consent.id);
            }
        }
        return changed;
    }

    /** A consent withdrawn whole: as it reads now, and the agencies whose view of her it changed. */
    public record Withdrawal(ConsentView consent, Set<DataCategory> categories, Set<UUID> agenciesAffected) {}

    /**
     * She withdrew the consent whole. The caller holds the case (so that a referral being sent under the
     * consent goes out before this or not under it at all); the consent is held here for the change.
     *
     * @param parties the agencies on the case's live referrals: those the consent covers by their kind lose
     *     their view too
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Withdrawal withdrawWhole(UUID caseId, UUID consentId, Collection<UUID> parties, boolean showRecorder) {
        Consent consent = ofCase(caseId, consentId);
        holdForChange(consent);
        if (consent.withdrawnAt != null) {
            throw new ProblemException.Conflict(
                    "consent-withdrawn", "Consent " + consentId + " was withdrawn at " + consent.withdrawnAt, Map.of());
        }
        Instant now = clock.instant();
        Set<UUID> affected = new TreeSet<>();
        Arrays.stream(consent.recipientAgencyIds)
                .filter(a -> !Arrays.asList(consent.withdrawnFrom).contains(a))
                .forEach(affected::add);
        for (UUID party : parties) {
            agencies.find(party)
                    .filter(a -> consent.covers(a.id(), a.kind(), now))
                    .ifPresent(a -> affected.add(a.id()));
        }
        consent.withdrawnAt = now;
        consent.withdrawnBy = access.caller().subject();
        consent.withdrawnByAgency = access.caller().agencyId().orElse(null);
        return new Withdrawal(view(consent, showRecorder), consent.categorySet(), affected);
    }

    /** The case's consents; who recorded each is shown to the lead agency only. */
    public List<ConsentView> ofCase(UUID caseId, boolean showRecorder) {
        return byCase(caseId).stream().map(c -> view(c, showRecorder)).toList();
    }

    private List<Consent> byCase(UUID caseId) {
        return em.createQuery("from Consent where caseId = :caseId order by givenAt desc, id", Consent.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    private static ConsentView view(Consent consent, boolean showRecorder) {
        Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
        Arrays.stream(consent.recipientKinds).map(AgencyKind::valueOf).forEach(kinds::add);
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(consent.categories).map(DataCategory::valueOf).forEach(categories::add);
        return new ConsentView(
                consent.id,
                new LinkedHashSet<>(Arrays.asList(consent.recipientAgencyIds)),
                kinds,
                categories,
                consent.method,
                consent.givenAt,
                consent.expiresAt,
                showRecorder ? consent.recordedBy : null,
                consent.recordedByAgency,
                consent.withdrawnAt,
                consent.withdrawnByAgency,
                new LinkedHashSet<>(Arrays.asList(consent.withdrawnFrom)));
    }
}
