package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.caseaccess.SharingRules;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseDisclosure;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.Text;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.common.Versioned;
import kz.qorgau.consent.ConsentService;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.idempotency.IdempotentRequests;
import kz.qorgau.notification.Outbox;
import kz.qorgau.referral.ReferralDtos.ActionsView;
import kz.qorgau.referral.ReferralDtos.HistoryView;
import kz.qorgau.referral.ReferralDtos.NewReferral;
import kz.qorgau.referral.ReferralDtos.ReceiverAddressView;
import kz.qorgau.referral.ReferralDtos.ReferralView;
import kz.qorgau.referral.ReferralRepository.Direction;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;
import org.jboss.logging.Logger;

/**
 * Creates referrals and fires their transitions. Each public method is one transaction that writes the
 * referral, its history entry and its outbox event together, or nothing.
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);

    /** The history entry of a priority raised by the case's risk level. */
    static final String REPRIORITISED = "REPRIORITISE";

    @Inject
    ReferralRepository referrals;

    @Inject
    CaseService caseService;

    @Inject
    Agencies agencies;

    @Inject
    kz.qorgau.agency.DirectoryService directory;

    @Inject
    CaseParties parties;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    ConsentService consents;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AccessPolicy access;

    @Inject
    Outbox outbox;

    @Inject
    ReferralHistoryLog historyLog;

    @Inject
    AuditTrail audit;

    @Inject
    CaseDisclosure disclosure;

    @Inject
    CaseAccess caseAccess;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    /** The outcome of a transition: the referral it changed and, for REDIRECT, the referral it created. */
    public record Transitioned(Versioned<ReferralView> referral, Optional<Versioned<ReferralView>> created) {}

    @Transactional
    public Created create(NewReferral request, Optional<String> idempotencyKey) {
        access.require(Capability.SEND_REFERRAL);
        UUID sender = callerAgency.requireRegistered();
        CaseRef caseRef = caseService.workable(request.caseId());
        UUID referralId = ids.newId();
        if (idempotencyKey.isPresent()) {
            IdempotentRequests.Claim claim = idempotent.claim(
                    access.caller().tenantId(), sender, "create-referral", idempotencyKey.get(), request, referralId);
            if (!claim.first()) {
                return new Created(get(claim.resourceId()), false);
            }
        }
        if ((request.receiverAgencyId() == null) == (request.externalRecipient() == null)) {
            throw new ProblemException.InvalidInput(
                    "receiverAgencyId", "or externalRecipient, exactly one of them, names the receiver");
        }
        UUID receiverId = request.receiverAgencyId();
        if (request.externalRecipient() != null) {
            var external = request.externalRecipient();
            if (!plainName(external.organisation()) || !plainName(external.person())) {
                // A name with a control or direction character can pose as another on the recipient's page.
                throw new ProblemException.InvalidInput(
                        "externalRecipient", "must name the organisation and person without control characters");
            }
            receiverId = agencies.standIn(
                    ids.newId(),
                    external.organisation(),
                    external.person(),
                    external.email(),
                    external.phone(),
                    request.servicesRequested(),
                    clock.instant());
        }
        Referral referral = newReferral(
                referralId,
                caseRef,
                sender,
                receiverId,
                request.externalRecipient() != null ? "externalRecipient" : "receiverAgencyId",
                request.servicesRequested(),
                request.note(),
                request.emergencyReason(),
                null);
        if (request.submit()) {
            fire(referral, ReferralAction.SUBMIT, null, null);
        }
        referrals.flush();
        audited(referral, AuditAction.CREATE, request.submit() ? "submitted" : "draft");
        return new Created(versioned(referral), true);
    }

    /**
     * A risk conference's action that is a referral: a DRAFT from the agency that owns the action, made while the
     * chair's staff record the plan. The owner's own staff submit it, under the ordinary consent rules.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID draftForConference(
            UUID caseId, UUID ownerAgency, UUID receiverId, Set<ServiceType> services, String note) {
        CaseRef caseRef = caseService.of(caseId);
        Referral referral = newReferral(
                ids.newId(), caseRef, ownerAgency, receiverId, "referral.receiverAgencyId", services, note, null, null);
        referrals.flush();
        audited(referral, AuditAction.CREATE, "draft of a risk conference's action");
        return referral.id;
    }

    /** A referral made, or the one a first request under the same Idempotency-Key made. */
    public record Created(Versioned<ReferralView> referral, boolean created) {}

    @Transactional
    public Versioned<ReferralView> get(UUID id) {
        access.require(Capability.READ_REFERRALS);
        Referral referral = referrals.readableBy(access.caller(), id);
        audit.record(AuditAction.READ, Subject.of("referral", referral.id, referral.caseId), Set.of());
        return versioned(referral);
    }

    /**
     * What the caller's agency may see of the survivor behind the referral, by the consents in force for
     * it; the minimal view under the emergency exception, without consent, or once its referral ended.
     */
    @Transactional
    public SharedDataView sharedData(UUID id) {
        access.require(Capability.READ_SHARED_DATA);
        Referral referral = visible(id);
        UUID agency = access.caller().agencyId().orElseThrow();
        CaseRef caseRef = caseService.of(referral.caseId);
        Sharing sharing = caseAccess.throughReferral(
                caseRef.id(),
                caseRef.leadAgencyId(),
                agency.equals(referral.receiverAgencyId),
                !referral.state.isTerminal(),
                referral.consentId == null && referral.emergencyReason != null);
        SharedDataView shared = disclosure.sharedData(caseRef.id(), referral.id, sharing);
        Set<DataCategory> shown = EnumSet.noneOf(DataCategory.class);
        if (shared.fullName() != null) {
            shown.add(DataCategory.IDENTITY);
        }
        if (shared.phone() != null) {
            shown.add(DataCategory.CONTACT);
        }
        if (shared.address() != null) {
            shown.add(DataCategory.ADDRESS);
        }
        if (shared.incidents() != null) {
            shown.add(DataCategory.INCIDENT_DETAILS);
        }
        if (shared.risk() != null) {
            shown.add(DataCategory.RISK);
        }
        audit.record(
                AuditAction.READ,
                Subject.of("shared-data", referral.id, referral.caseId),
                shown,
                sharing.basis().name());
        return shared;
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        access.require(Capability.READ_REFERRALS);
        Referral referral = visible(id);
        audit.record(AuditAction.READ, Subject.of("referral-history", referral.id, referral.caseId), Set.of());
        // The notes are free text about her, as the referral's own note is: each side reads its own; the
        // receiver reads the sender's as it reads the referral's note, and the sender reads the receiver's as
        // it sees her data on the case (the lead agency always, another sender by its consent, and not at
        // all once it is no longer on the case).
        NoteReaders readers = noteReaders(List.of(referral), true);
        Set<Side> sides = ReferralSides.of(
                access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        boolean readsTheOtherSide;
        if (sides.contains(Side.SENDER)) {
            CaseRef caseRef = caseService.of(referral.caseId);
            readsTheOtherSide = caseAccess
                    .to(caseRef.id(), caseRef.leadAgencyId())
                    .sharing()
                    .shows(DataItem.REFERRAL_NOTES);
        } else {
            readsTheOtherSide = readers.showsNote(referral);
        }
        return referrals.history(referral.id).stream()
                .map(h -> new HistoryView(
                        h.action,
                        h.fromState,
                        h.toState,
                        h.actor,
                        h.actorAgencyId,
                        h.reasonCode,
                        h.actorAgencyId != null && access.caller().belongsTo(h.actorAgencyId) && !sides.isEmpty()
                                        || readsTheOtherSide
                                ? h.note
                                : null,
                        h.assignee,
                        h.at))
                .toList();
    }

    @Transactional
    public ActionsView actions(UUID id) {
        access.require(Capability.READ_REFERRALS);
        Referral referral = visible(id);
        audit.record(AuditAction.READ, Subject.of("referral-actions", referral.id, referral.caseId), Set.of());
        return new ActionsView(referral.state, referral.version, List.copyOf(allowedNow(referral)));
    }

    @Transactional
    public Page<ReferralView> list(
            Direction direction,
            ReferralState state,
            Priority priority,
            boolean emergencyOnly,
            boolean escalatedOnly,
            Instant updatedSince,
            String assignee,
            String cursor,
            int limit) {
        access.require(Capability.READ_REFERRALS);
        if (assignee != null && direction == Direction.OUTGOING) {
            throw new ProblemException.InvalidInput(
                    "assignee", "names a person of the receiving agency: it lists incoming referrals");
        }
        if (escalatedOnly) {
            access.require(Capability.READ_ESCALATIONS);
        }
        Optional<UUID> agency;
        if (assignee != null && access.caller().agencyId().isEmpty()) {
            throw new ProblemException.InvalidInput("assignee", "names a person of the caller's own agency");
        }
        if (AccessRules.seesWholeNetwork(access.caller()) && direction == null && assignee == null) {
            agency = Optional.empty();
        } else {
            agency = Optional.of(access.caller()
                    .agencyId()
                    .orElseThrow(() ->
                            new ProblemException.InvalidInput("direction", "needs a caller that acts for an agency")));
        }
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        List<Referral> rows = referrals.page(
                agency,
                direction == null ? Direction.INCOMING : direction,
                state,
                priority,
                emergencyOnly,
                escalatedOnly,
                updatedSince,
                assignee == null ? null : access.caller().person(assignee),
                after,
                limit + 1);
        audit.record(
                AuditAction.LIST,
                Subject.of("referral", null, null),
                Set.of(),
                agency.isEmpty()
                        ? "network"
                        : (direction == null ? Direction.INCOMING : direction)
                                .name()
                                .toLowerCase());
        NoteReaders readers = noteReaders(rows, false);
        return Keyset.page(rows, limit, r -> new Keyset(r.updatedAt, r.id), r -> view(r, readers));
    }

    /**
     * Fires an action at the referral the caller read at {@code expectedVersion}. A stale version answers
     * 412; an action the state or the caller's side does not allow answers 409 with the actions allowed.
     */
    @Transactional
    public Transitioned transition(UUID id, TransitionCommand command, long expectedVersion) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = visible(id);
        Versioned.requireCurrent("referral", referral.version, expectedVersion);
        Set<ReferralAction> allowed = allowedNow(referral);
        if (!allowed.contains(command.action())) {
            throw new ProblemException.Conflict(
                    "action-not-allowed",
                    command.action() + " is not allowed on a " + referral.state + " referral for the caller's side",
                    Map.of("state", referral.state, "allowedActions", List.copyOf(allowed)));
        }
        var errors = TransitionRequirements.check(command);
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        Optional<Referral> created = Optional.empty();
        if (command.action() == ReferralAction.REDIRECT) {
            created = Optional.of(redirect(referral, command));
        }
        fire(referral, command.action(), command, created.map(r -> r.id).orElse(null));
        referrals.flush();
        // Who holds the work from ACCEPT on is an assignment like any later one: the trail names her.
        audited(
                referral,
                AuditAction.TRANSITION,
                command.action() == ReferralAction.ACCEPT && referral.assignee != null
                        ? "ACCEPT, assigned to " + referral.assignee
                        : command.action().name());
        created.ifPresent(next -> audited(next, AuditAction.CREATE, "redirected from " + referral.id));
        return new Transitioned(versioned(referral), created.map(this::versioned));
    }

    /**
     * Raises every open referral of the case whose priority is below {@code level}, each with a history
     * entry and an event, so that its deadlines follow the survivor's risk. Priorities are never lowered
     * here: a referral already under way keeps the urgency it was given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raiseOpenReferrals(UUID caseId, Priority level, String reason) {
        List<ReferralState> open = Arrays.stream(ReferralState.values())
                .filter(s -> !s.isTerminal())
                .toList();
        List<Referral> raised = referrals.list("caseId = ?1 and state in ?2", caseId, open).stream()
                .filter(r -> level.isMoreUrgentThan(r.priority))
                .toList();
        for (Referral referral : raised) {
            Priority before = referral.priority;
            referral.priority = level;
            referral.updatedAt = clock.instant();
            record(referral, REPRIORITISED, referral.state, level.name(), reason + " (was " + before + ")", null);
            Map<String, Object> payload = event(referral, null, null);
            payload.put("previousPriority", before);
            outbox.append("referral", referral.id, "referral.reprioritised", audience(referral), payload);
        }
    }

    /**
     * The receiver shows its street address to the sender, or stops showing it: on an accepted referral that is
     * under way, by the receiver alone.
     */
    @Transactional
    public ReceiverAddressView shareReceiverAddress(UUID id, boolean shared) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = visible(id);
        Set<Side> sides = ReferralSides.of(
                access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        if (!sides.contains(Side.RECEIVER)) {
            throw new ProblemException.Forbidden("Only the receiver shares its own address");
        }
        if (!referral.state.receiverIsOnTheCase()) {
            throw new ProblemException.Conflict(
                    "referral-not-under-way",
                    "The address is shared on an accepted referral that is under way, not on a " + referral.state
                            + " one",
                    Map.of("state", referral.state));
        }
        String street = directory.streetAddressOf(referral.receiverAgencyId).orElse(null);
        if (shared && street == null) {
            throw new ProblemException.Conflict(
                    "no-street-address",
                    "Your agency has recorded no street address (PUT its premises first)",
                    Map.of());
        }
        Instant now = clock.instant();
        if (shared && referral.receiverAddressSharedAt == null) {
            referral.receiverAddressSharedAt = now;
            referral.updatedAt = now;
            audited(referral, AuditAction.UPDATE, "receiver address shared with the sender");
        } else if (!shared && referral.receiverAddressSharedAt != null) {
            referral.receiverAddressSharedAt = null;
            referral.updatedAt = now;
            audited(referral, AuditAction.UPDATE, "receiver address no longer shared");
        }
        return addressView(referral, street);
    }

    /** A name on one line: no control or format character, no line or paragraph break of any kind. */
    private static boolean plainName(String name) {
        return name == null
                || !kz.qorgau.common.Text.hasInvisible(name)
                        && name.codePoints()
                                .noneMatch(c -> Character.isISOControl(c)
                                        || Character.getType(c) == Character.LINE_SEPARATOR
                                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                                        || Character.getType(c) == Character.PRIVATE_USE
                                        || Character.getType(c) == Character.UNASSIGNED
                                        || Character.getType(c) == Character.SURROGATE);
    }

    /** A referral to a recipient off the platform, as its sender works it. */
    public record OffPlatform(UUID referralId, UUID caseId, UUID standIn, ReferralState state, boolean sent) {}

    /**
     * The caller's agency's referral to a recipient off the platform: 404 for one the caller does not see, 403 for a
     * caller that is not its sender, 409 not-off-platform for a referral to an agency of the network.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OffPlatform offPlatformAsSender(UUID id) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = visible(id);
        if (!ReferralSides.of(access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent())
                .contains(Side.SENDER)) {
            throw new ProblemException.Forbidden("Only the referral's sender gives its recipient a link");
        }
        boolean external = agencies.find(referral.receiverAgencyId)
                .map(a -> a.kind() == kz.qorgau.agency.AgencyKind.EXTERNAL)
                .orElse(false);
        if (!external) {
            throw new ProblemException.Conflict(
                    "not-off-platform",
                    "Referral " + id + " goes to an agency of the network, which works it in Qorgau",
                    Map.of());
        }
        return new OffPlatform(
                referral.id, referral.caseId, referral.receiverAgencyId, referral.state, referral.wasSent());
    }

    /** The receiver's address as it shares it: to the referral's two sides, while the referral is under way. */
    @Transactional
    public ReceiverAddressView receiverAddress(UUID id) {
        access.require(Capability.WORK_REFERRALS);
        Referral referral = visible(id);
        Set<Side> sides = ReferralSides.of(
                access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        if (sides.isEmpty()) {
            throw new ProblemException.Forbidden("A receiver's address is for the referral's two sides alone");
        }
        if (referral.receiverAddressSharedAt == null || !referral.state.receiverIsOnTheCase()) {
            throw new ProblemException.NotFound("A shared address of referral " + id + "'s receiver");
        }
        audited(referral, AuditAction.READ, "receiver address read");
        return addressView(
                referral, directory.streetAddressOf(referral.receiverAgencyId).orElse(null));
    }

    /** A receiver that moved shares its new address afresh: its shares of the old one end. */
    void forgetSharedAddress(@jakarta.enterprise.event.Observes kz.qorgau.agency.PremisesMoved moved) {
        referrals
                .getEntityManager()
                .createNativeQuery("update referral set receiver_address_shared_at = null"
                        + " where receiver_agency_id = ?1 and receiver_address_shared_at is not null")
                .setParameter(1, moved.agencyId())
                .executeUpdate();
    }

    private ReceiverAddressView addressView(Referral referral, String street) {
        return new ReceiverAddressView(
                referral.id,
                referral.receiverAgencyId,
                referral.receiverAddressSharedAt == null ? null : street,
                directory.contactPointOf(referral.receiverAgencyId).orElse(null),
                referral.receiverAddressSharedAt);
    }

    /**
     * Whether accepting the referral takes one of the receiver's free places: a referral for shelter, to a receiver
     * that counts them. A receiver whose count says it is full corrects the count before it accepts (409).
     */
    private boolean takesPlace(Referral referral) {
        if (!Arrays.asList(referral.servicesRequested).contains(ServiceType.SHELTER.name())) {
            return false;
        }
        return switch (directory.takePlace(referral.receiverAgencyId)) {
            case TAKEN -> true;
            case NOT_COUNTED -> false;
            case FULL ->
                throw new ProblemException.Conflict(
                        "no-free-place",
                        "Your directory entry counts no free place: if you have one for her, correct the count (PUT the"
                                + " directory entry) and accept again",
                        Map.of());
        };
    }

    /** A referral the caller may see, or 404 exactly as for one that does not exist. */
    private Referral visible(UUID id) {
        return referrals.visibleTo(access.caller(), id);
    }

    private Set<ReferralAction> allowedNow(Referral referral) {
        if (!AccessRules.may(access.caller(), Capability.WORK_REFERRALS)) {
            return Set.of();
        }
        Set<Side> sides = ReferralSides.of(
                access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        Set<ReferralAction> allowed = EnumSet.noneOf(ReferralAction.class);
        allowed.addAll(ReferralStateMachine.allowed(referral.state, sides));
        // A declined referral is redirected once; a second REDIRECT would send the survivor twice.
        if (referral.redirectedToId != null) {
            allowed.remove(ReferralAction.REDIRECT);
        }
        return allowed;
    }

    private Referral newReferral(
            UUID id,
            CaseRef caseRef,
            UUID sender,
            UUID receiverId,
            String receiverField,
            Set<ServiceType> services,
            String note,
            String emergencyReason,
            UUID redirectedFrom) {
        caseService.holdOpen(caseRef.id());
        Agencies.Facts receiver = agencies.find(receiverId)
                .orElseThrow(() -> new ProblemException.InvalidInput(receiverField, "names no agency of this network"));
        if (receiver.kind() == kz.qorgau.agency.AgencyKind.EXTERNAL && !receiverField.equals("externalRecipient")) {
            // A stand-in is the recipient of the one referral it was made for; another referral names her anew.
            throw new ProblemException.InvalidInput(
                    receiverField, "names a recipient off the platform: give an externalRecipient instead");
        }
        if (receiver.kind() == kz.qorgau.agency.AgencyKind.HOTLINE) {
            throw new ProblemException.InvalidInput(receiverField, "names a hotline, which receives no referrals");
        }
        if (receiver.id().equals(sender)) {
            throw new ProblemException.InvalidInput(receiverField, "must be another agency than the sender");
        }
        List<ServiceType> notOffered =
                services.stream().filter(s -> !receiver.offers(s)).sorted().toList();
        if (!notOffered.isEmpty()) {
            throw new ProblemException.Unprocessable(
                    "Agency " + receiver.id() + " does not offer " + notOffered,
                    List.of(new ProblemException.FieldError(
                            "servicesRequested", "names services the receiver does not offer: " + notOffered)));
        }
        if (!receiver.active()) {
            throw new ProblemException.Conflict(
                    "receiver-inactive", "Agency " + receiver.id() + " takes no new referrals", Map.of());
        }
        Instant now = clock.instant();
        Referral referral = new Referral();
        referral.id = id;
        referral.caseId = caseRef.id();
        referral.senderAgencyId = sender;
        referral.receiverAgencyId = receiver.id();
        referral.state = ReferralState.DRAFT;
        referral.priority = caseRef.riskLevel();
        referral.servicesRequested = services.stream().map(Enum::name).sorted().toArray(String[]::new);
        referral.note = note;
        referral.emergencyReason = Text.blank(emergencyReason) ? null : emergencyReason.strip();
        referral.redirectedFromId = redirectedFrom;
        referral.createdBy = access.caller().subject();
        referral.createdAt = now;
        referral.updatedAt = now;
        referrals.persist(referral);
        // Its parties and its history are written with plain SQL, and name the referral's row.
        referrals.flush();
        partiesKnow(referral);
        record(referral, ReferralHistoryEntry.CREATED, null, null, null, null);
        outbox.append("referral", referral.id, "referral.created", audience(referral), event(referral, null, null));
        return referral;
    }

    private Referral redirect(Referral declined, TransitionCommand command) {
        CaseRef caseRef = caseService.of(declined.caseId);
        // Sending her onward is working the case: the sender must still be on it, as when it first referred her.
        if (!caseAccess.to(caseRef.id(), caseRef.leadAgencyId()).worksCase()) {
            throw new ProblemException.Conflict(
                    "sender-off-case",
                    "Agency " + declined.senderAgencyId + " is no longer on case " + caseRef.id()
                            + " and cannot send her onward",
                    Map.of());
        }
        if (declined.receiverAgencyId.equals(command.redirectTo())) {
            throw new ProblemException.InvalidInput("redirectTo", "must be another agency than the one that declined");
        }
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Arrays.stream(declined.servicesRequested).map(ServiceType::valueOf).forEach(services::add);
        Referral next = newReferral(
                ids.newId(),
                caseRef,
                declined.senderAgencyId,
                command.redirectTo(),
                "redirectTo",
                services,
                command.note() == null ? declined.note : command.note(),
                command.emergencyReason(),
                declined.id);
        fire(next, ReferralAction.SUBMIT, null, null);
        return next;
    }

    /** Moves the referral along the table, stamping the times and facts the action brings. */
    private void fire(Referral referral, ReferralAction action, TransitionCommand command, UUID createdId) {
        Set<Side> sides = action == ReferralAction.SUBMIT && command == null
                ? Set.of(Side.SENDER)
                : ReferralSides.of(
                        access.caller(), referral.senderAgencyId, referral.receiverAgencyId, !referral.wasSent());
        ReferralState from = referral.state;
        CaseParties.ReferralStanding stoodBefore = standing(referral);
        ReferralState to = ReferralStateMachine.next(from, action, sides)
                .orElseThrow(() ->
                        new IllegalStateException(action + " from " + from + " passed the checks but has no rule"));
        Instant now = clock.instant();
        String reasonCode = null;
        switch (action) {
            case SUBMIT -> {
                requireConsentOrEmergency(referral);
                referral.submittedAt = now;
            }
            case ACKNOWLEDGE -> referral.acknowledgedAt = now;
            case ACCEPT -> {
                referral.acceptedAt = now;
                referral.assignee = command.assignee();
                referral.placeTaken = takesPlace(referral);
            }
            case DECLINE -> {
                referral.declineReason = command.reasonCode();
                reasonCode = command.reasonCode().name();
            }
            case COMPLETE -> {
                referral.outcome = command.outcome();
                referral.servicesDelivered = command.servicesDelivered().stream()
                        .map(Enum::name)
                        .sorted()
                        .toArray(String[]::new);
                reasonCode = command.outcome().name();
            }
            case PAUSE -> {
                // Each pause has its own review deadline.
                referral.pausedAt = now;
                referral.reviewOverdueAt = null;
            }
            case REDIRECT -> referral.redirectedToId = createdId;
            case WITHDRAW -> withdrawConsent(referral, now);
            default -> {
                // START, RESUME and CANCEL change the state alone.
            }
        }
        if (to.isTerminal() && referral.closedAt == null) {
            referral.closedAt = now;
        }
        if (to.isTerminal() && referral.placeTaken) {
            // Her place is free again the moment her referral ends: the directory never offers a bed twice.
            directory.givePlaceBack(referral.receiverAgencyId);
            referral.placeTaken = false;
        }
        referral.state = to;
        referral.updatedAt = now;
        // Most actions leave where each side stands on the case as it was (PAUSE, RESUME, START): nothing to write.
        if (!standing(referral).equals(stoodBefore)) {
            partiesKnow(referral);
        }
        record(
                referral,
                action.name(),
                from,
                reasonCode,
                command == null ? null : command.note(),
                action == ReferralAction.ACCEPT ? referral.assignee : null);
        Map<String, Object> payload = event(referral, action, from);
        if (createdId != null) {
            payload.put("redirectedToId", createdId);
        }
        outbox.append("referral", referral.id, action.eventType(), audience(referral), payload);
    }

    /**
     * The audit entries of a referral changed in this transaction: what was done, and whether it went under
     * the emergency exception.
     */
    private void audited(Referral referral, AuditAction action, String detail) {
        audit.record(action, Subject.of("referral", referral.id, referral.caseId), Set.of(), detail);
        if (referral.submittedAt != null
                && referral.consentId == null
                && referral.emergencyReason != null
                && referral.state == ReferralState.SUBMITTED
                && (action == AuditAction.CREATE || detail.equals(ReferralAction.SUBMIT.name()))) {
            audit.record(
                    AuditAction.EMERGENCY_EXCEPTION,
                    Subject.of("referral", referral.id, referral.caseId),
                    Set.of(),
                    "sent without consent to agency " + referral.receiverAgencyId);
        }
    }

    /**
     * The survivor withdrew her consent to the receiver: no consent of the case covers that agency from now
     * on, so nothing more goes to it, while the other agencies her consents name keep what they see. Both
     * sides hear of each consent it changed.
     */
    private void withdrawConsent(Referral referral, Instant now) {
        Agencies.Facts receiver = agencies.find(referral.receiverAgencyId).orElseThrow();
        for (UUID consentId : consents.withdrawFrom(referral.caseId, receiver.id(), receiver.kind())) {
            outbox.append(
                    "consent",
                    consentId,
                    "consent.withdrawn",
                    audience(referral),
                    Map.of(
                            "consentId",
                            consentId,
                            "caseId",
                            referral.caseId,
                            "referralId",
                            referral.id,
                            "agenciesAffected",
                            List.of(receiver.id()),
                            "at",
                            now));
        }
    }

    /**
     * SUBMIT needs an open case, a receiver that still takes referrals, and a consent covering it or an
     * emergency exception whose reason is kept. A draft may have waited long enough for any of these to change.
     */
    private void requireConsentOrEmergency(Referral referral) {
        Agencies.Facts receiver = agencies.find(referral.receiverAgencyId).orElseThrow();
        if (!caseService.of(referral.caseId).open()) {
            throw new ProblemException.Conflict("case-closed", "Case " + referral.caseId + " is closed", Map.of());
        }
        if (!receiver.active()) {
            throw new ProblemException.Conflict(
                    "receiver-inactive", "Agency " + receiver.id() + " takes no new referrals", Map.of());
        }
        Optional<UUID> consent = consents.covering(referral.caseId, receiver.id(), receiver.kind());
        if (consent.isPresent()) {
            referral.consentId = consent.get();
            return;
        }
        if (referral.emergencyReason == null) {
            throw new ProblemException.Conflict(
                    "consent-required",
                    "No consent of the survivor covers agency " + receiver.id()
                            + "; record one on the case, or give an emergencyReason",
                    Map.of());
        }
        LOG.infof(
                "Referral %s submitted under the emergency exception by agency %s",
                referral.id, referral.senderAgencyId);
    }

    /** The case's parties learn where the referral stands, in the same transaction as its change. */
    private void partiesKnow(Referral referral) {
        parties.referralChanged(standing(referral));
    }

    private static CaseParties.ReferralStanding standing(Referral referral) {
        return new CaseParties.ReferralStanding(
                referral.caseId,
                referral.id,
                referral.senderAgencyId,
                referral.receiverAgencyId,
                referral.wasSent(),
                !referral.state.isTerminal(),
                referral.state.receiverIsOnTheCase(),
                referral.consentId == null && referral.emergencyReason != null);
    }

    void record(Referral referral, String action, ReferralState from, String reasonCode, String note, String assignee) {
        ReferralHistoryEntry entry = new ReferralHistoryEntry();
        entry.id = ids.newId();
        entry.referralId = referral.id;
        entry.action = action;
        entry.fromState = from;
        entry.toState = referral.state;
        entry.actor = access.caller().subject();
        entry.actorAgencyId = access.caller().agencyId().orElse(null);
        entry.reasonCode = reasonCode;
        entry.note = note;
        entry.assignee = assignee;
        entry.at = clock.instant();
        historyLog.append(entry);
    }

    /** Who may hear of the referral: its sender and, once it is sent, its receiver. */
    private static Set<UUID> audience(Referral referral) {
        return !referral.wasSent()
                ? Set.of(referral.senderAgencyId)
                : Set.of(referral.senderAgencyId, referral.receiverAgencyId);
    }

    /** What partners hear of a change: ids, states and times, never the survivor's data or the notes. */
    private static Map<String, Object> event(Referral referral, ReferralAction action, ReferralState from) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", referral.id);
        payload.put("caseId", referral.caseId);
        payload.put("senderAgencyId", referral.senderAgencyId);
        payload.put("receiverAgencyId", referral.receiverAgencyId);
        payload.put("state", referral.state);
        payload.put("priority", referral.priority);
        if (action != null) {
            payload.put("action", action);
            payload.put("fromState", from);
        }
        payload.put("at", referral.updatedAt);
        return payload;
    }

    private Versioned<ReferralView> versioned(Referral referral) {
        return new Versioned<>(view(referral, noteReaders(List.of(referral), false)), referral.version);
    }

    /**
     * Who reads the notes of these referrals. A note is free text about her: its sender wrote it; its
     * receiver reads it as her INCIDENT_DETAILS, while the referral is live and a consent in force gives it
     * that (not under the emergency exception alone, not after she withdrew); coordinators never. The
     * consents are read only for referrals that carry a note (or, for a history, may carry notes).
     */
    private NoteReaders noteReaders(List<Referral> rows, boolean historyNotes) {
        UUID agency = access.caller().agencyId().orElse(null);
        Set<UUID> receivedCases = new java.util.HashSet<>();
        rows.stream()
                .filter(r -> (historyNotes || r.note != null)
                        && r.receiverAgencyId.equals(agency)
                        && r.wasSent()
                        && !r.state.isTerminal())
                .forEach(r -> receivedCases.add(r.caseId));
        return new NoteReaders(access.caller(), caseAccess.asLiveReceiver(receivedCases));
    }

    private record NoteReaders(kz.qorgau.security.Caller caller, Map<UUID, Sharing> asReceiver) {

        boolean showsNote(Referral r) {
            Set<Side> sides = ReferralSides.of(caller, r.senderAgencyId, r.receiverAgencyId, !r.wasSent());
            if (sides.contains(Side.SENDER)) {
                return true;
            }
            return sides.contains(Side.RECEIVER)
                    && !r.state.isTerminal()
                    && asReceiver.getOrDefault(r.caseId, SharingRules.OVERSIGHT).shows(DataItem.REFERRAL_NOTES);
        }
    }

    /** The referral as the caller sees it; the due times are those the deadline job enforces. */
    ReferralView view(Referral r, NoteReaders readers) {
        boolean side = readers.showsNote(r);
        TenantsConfig.Deadlines deadlines =
                tenants.all().get(access.caller().tenantId()).deadlines();
        Instant ackDue = r.submittedAt == null ? null : r.submittedAt.plus(deadlines.acknowledge(r.priority));
        Instant respondDue = r.submittedAt == null ? null : r.submittedAt.plus(deadlines.respond(r.priority));
        return new ReferralView(
                r.id,
                r.caseId,
                r.senderAgencyId,
                r.receiverAgencyId,
                r.state,
                r.priority,
                services(r.servicesRequested),
                side ? r.note : null,
                r.assignee,
                r.consentId,
                r.emergencyReason,
                r.declineReason,
                r.outcome,
                r.servicesDelivered == null ? null : services(r.servicesDelivered),
                r.redirectedFromId,
                r.redirectedToId,
                r.submittedAt,
                r.acknowledgedAt,
                r.acceptedAt,
                r.ackOverdueAt,
                r.respondOverdueAt,
                ackDue,
                respondDue,
                r.acceptedAt == null ? null : Deadline.START.dueAt(r.acceptedAt, deadlines, r.priority),
                r.startOverdueAt,
                r.pausedAt,
                r.state == ReferralState.ON_HOLD && r.pausedAt != null
                        ? Deadline.REVIEW.dueAt(r.pausedAt, deadlines, r.priority)
                        : null,
                r.reviewOverdueAt,
                r.closedAt,
                r.createdAt,
                r.updatedAt,
                r.version,
                r.receiverAddressSharedAt != null && r.state.receiverIsOnTheCase());
    }

    private static Set<ServiceType> services(String[] names) {
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Arrays.stream(names).map(ServiceType::valueOf).forEach(services::add);
        return services;
    }
}
