package kz.qorgau.protectiveorder;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.caseaccess.CaseParties;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.caseaccess.SharingRules.Sharing;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.Json;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.Text;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.notification.Outbox;
import kz.qorgau.perpetrator.PerpetratorService;
import kz.qorgau.protectiveorder.OrderDtos.Condition;
import kz.qorgau.protectiveorder.OrderDtos.NewOrder;
import kz.qorgau.protectiveorder.OrderDtos.NewViolation;
import kz.qorgau.protectiveorder.OrderDtos.OrderView;
import kz.qorgau.protectiveorder.OrderDtos.Revocation;
import kz.qorgau.protectiveorder.OrderDtos.ViolationView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

@ApplicationScoped
public class ProtectiveOrderService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    AuditTrail audit;

    @Inject
    CaseAccess caseAccess;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    CaseService caseService;

    @Inject
    CaseParties parties;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AccessPolicy access;

    @Inject
    Outbox outbox;

    @Inject
    TenantsConfig tenants;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    PerpetratorService perpetrators;

    @Inject
    OrderCheckIns checkIns;

    @Inject
    CaseOrders caseOrders;

    /** Police of an agency on the case record an order issued to protect its survivor. */
    @Transactional
    public OrderView record(UUID caseId, NewOrder request) {
        access.require(Capability.RECORD_PROTECTIVE_ORDER);
        CaseRef caseFile = caseService.workable(caseId);
        UUID agency = callerAgency.requireRegistered();
        List<FieldError> errors = new ArrayList<>();
        if (request.expiresOn().isBefore(request.issuedOn())) {
            errors.add(new FieldError("expiresOn", "must not be before issuedOn"));
        }
        if (request.issuedOn().isAfter(today(caseFile.tenantId()))) {
            errors.add(new FieldError("issuedOn", "must not be in the future"));
        }
        for (int i = 0; i < request.conditions().size(); i++) {
            Condition condition = request.conditions().get(i);
            if (condition.type().needsText() && Text.blank(condition.text())) {
                errors.add(new FieldError("conditions[" + i + "].text", "is required for " + condition.type()));
            }
            boolean reports = condition.type() == ConditionType.REPORT_TO_POLICE;
            if (reports != (condition.checkInDays() != null)) {
                errors.add(new FieldError(
                        "conditions[" + i + "].checkInDays",
                        reports ? "is required for REPORT_TO_POLICE" : "is for REPORT_TO_POLICE alone"));
            }
        }
        // The man an order restrains is one police linked to her case: his name is then shown on her orders.
        if (request.perpetratorId() != null && !perpetrators.linkedToCase(request.perpetratorId(), caseFile.id())) {
            errors.add(new FieldError("perpetratorId", "names no perpetrator police linked to this case"));
        }
        boolean reports = request.conditions().stream().anyMatch(c -> c.type() == ConditionType.REPORT_TO_POLICE);
        if (reports && request.expiresOn().isAfter(request.issuedOn().plusYears(2))) {
            errors.add(new FieldError("expiresOn", "an order with check-ins lasts two years at most"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        String number = request.number().strip();
        if (!em.createQuery("select o.id from ProtectiveOrder o where o.number = :n", UUID.class)
                .setParameter("n", number)
                .getResultList()
                .isEmpty()) {
            throw new ProblemException.Conflict("An order numbered " + number + " is already recorded");
        }
        Instant now = clock.instant();
        ProtectiveOrder order = new ProtectiveOrder();
        order.id = ids.newId();
        order.caseId = caseFile.id();
        order.number = number;
        order.kind = request.kind();
        order.issuingAuthority = request.issuingAuthority().strip();
        order.issuedOn = request.issuedOn();
        order.expiresOn = request.expiresOn();
        order.conditions = json.write(request.conditions());
        order.perpetratorId = request.perpetratorId();
        order.recordedBy = access.caller().subject();
        order.recordedByAgency = agency;
        order.createdAt = now;
        order.updatedAt = now;
        em.persist(order);
        em.flush();
        checkIns.schedule(order, request.conditions());
        announce(order, "protective-order.recorded", parties.of(caseFile.id(), caseFile.leadAgencyId()));
        em.flush();
        audit.record(AuditAction.CREATE, Subject.of("protective-order", order.id, caseFile.id()), Set.of());
        return views(List.of(order), caseFile, sharingOf(caseFile)).get(0);
    }

    @Transactional
    public List<OrderView> ofCase(UUID caseId) {
        access.require(Capability.READ_PROTECTIVE_ORDERS);
        CaseRef caseFile = caseService
                .find(caseId)
                .filter(c -> caseAccess.to(c.id(), c.leadAgencyId()).seesOrders())
                .orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
        List<ProtectiveOrder> orders = em.createQuery(
                        "from ProtectiveOrder where caseId = :id order by createdAt, id", ProtectiveOrder.class)
                .setParameter("id", caseFile.id())
                .getResultList();
        Sharing sharing = sharingOf(caseFile);
        Set<DataCategory> shown = EnumSet.noneOf(DataCategory.class);
        sharing.categories().stream()
                .filter(c -> c == DataCategory.ADDRESS || c == DataCategory.INCIDENT_DETAILS)
                .forEach(shown::add);
        audit.record(
                AuditAction.READ,
                Subject.of("protective-order", null, caseFile.id()),
                shown,
                orders.size() + " orders");
        return views(orders, caseFile, sharing);
    }

    /** Any agency that sees the order may report a breach of it; that is how police hear of one. */
    @Transactional
    public OrderView reportViolation(UUID orderId, NewViolation request) {
        access.require(Capability.REPORT_ORDER_VIOLATION);
        ProtectiveOrder order = visible(orderId);
        UUID agency = callerAgency.requireRegistered();
        Instant now = clock.instant();
        if (request.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new ProblemException.InvalidInput("occurredAt", "must not be in the future");
        }
        // A breach is of an order in force: not before it was issued, nor after it was revoked or expired. The
        // case may be closed meanwhile: the order still protects her, and police must hear of its breach.
        java.time.ZoneId zone = tenants.all().get(order.tenantId).zone();
        if (request.occurredAt().isBefore(order.issuedOn.atStartOfDay(zone).toInstant())) {
            throw new ProblemException.InvalidInput("occurredAt", "must not be before the order was issued");
        }
        if (order.revokedAt != null && request.occurredAt().isAfter(order.revokedAt)) {
            throw new ProblemException.InvalidInput("occurredAt", "must not be after the order was revoked");
        }
        if (!request.occurredAt()
                .isBefore(order.expiresOn.plusDays(1).atStartOfDay(zone).toInstant())) {
            throw new ProblemException.InvalidInput("occurredAt", "must not be after the order expired");
        }
        OrderViolation violation = new OrderViolation();
        violation.id = ids.newId();
        violation.orderId = order.id;
        violation.occurredAt = request.occurredAt();
        violation.description = request.description().strip();
        violation.reportedBy = access.caller().subject();
        violation.reporterAgencyId = agency;
        violation.reportedAt = now;
        em.persist(violation);
        order.updatedAt = now;
        CaseRef caseFile = caseService.of(order.caseId);
        announce(order, "protective-order.violated", parties.of(caseFile.id(), caseFile.leadAgencyId()));
        em.flush();
        audit.record(
                AuditAction.CREATE,
                Subject.of("order-violation", violation.id, caseFile.id()),
                Set.of(DataCategory.INCIDENT_DETAILS));
        return views(List.of(order), caseFile, sharingOf(caseFile)).get(0);
    }

    @Transactional
    public OrderView revoke(UUID orderId, Revocation request) {
        access.require(Capability.RECORD_PROTECTIVE_ORDER);
        ProtectiveOrder order = visible(orderId);
        CaseRef caseFile = caseService.of(order.caseId);
        if (!caseAccess.to(caseFile.id(), caseFile.leadAgencyId()).worksCase()) {
            throw new ProblemException.Forbidden("Only police of an agency on the case record a revocation");
        }
        if (order.revokedAt != null) {
            throw new ProblemException.Conflict("Order " + order.number + " was already revoked");
        }
        order.revokedAt = clock.instant();
        order.revocationReason = request.reason().strip();
        order.updatedAt = order.revokedAt;
        announce(order, "protective-order.revoked", parties.of(caseFile.id(), caseFile.leadAgencyId()));
        em.flush();
        audit.record(AuditAction.UPDATE, Subject.of("protective-order", order.id, caseFile.id()), Set.of(), "revoked");
        return views(List.of(order), caseFile, sharingOf(caseFile)).get(0);
    }

    ProtectiveOrder visible(UUID orderId) {
        ProtectiveOrder order = em.find(ProtectiveOrder.class, orderId);
        CaseRef caseFile = order == null ? null : caseService.of(order.caseId);
        if (caseFile == null
                || !caseAccess.to(caseFile.id(), caseFile.leadAgencyId()).seesOrders()) {
            throw new ProblemException.NotFound("Protective order " + orderId);
        }
        return order;
    }

    /** The police unit that recorded the order hears that he did not come on a check-in day. */
    void announceCheckInMissed(ProtectiveOrder order, LocalDate dueOn) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("protectiveOrderId", order.id);
        payload.put("caseId", order.caseId);
        payload.put("dueOn", dueOn);
        outbox.append(
                "protective-order",
                order.id,
                "protective-order.check-in-missed",
                Set.of(order.recordedByAgency),
                payload);
    }

    void announce(ProtectiveOrder order, String eventType, Set<UUID> audience) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("protectiveOrderId", order.id);
        payload.put("caseId", order.caseId);
        payload.put("kind", order.kind);
        payload.put("issuedOn", order.issuedOn);
        payload.put("expiresOn", order.expiresOn);
        payload.put("at", order.updatedAt);
        outbox.append("protective-order", order.id, eventType, audience, payload);
    }

    LocalDate today(String tenantId) {
        return LocalDate.now(clock.withZone(tenants.all().get(tenantId).zone()));
    }

    /**
     * How the caller sees the case's orders: the places an order keeps him away from are her ADDRESS data,
     * violations and revocation reasons her INCIDENT_DETAILS; coordinators oversee without either.
     */
    private Sharing sharingOf(CaseRef caseFile) {
        return caseAccess.to(caseFile.id(), caseFile.leadAgencyId()).sharing();
    }

    /** Views of orders with their violations, read in one query for all of them. */
    private List<OrderView> views(List<ProtectiveOrder> orders, CaseRef caseFile, Sharing sharing) {
        if (orders.isEmpty()) {
            return List.of();
        }
        boolean places = sharing.shows(DataItem.ORDER_PLACES);
        boolean details = sharing.shows(DataItem.ORDER_EVENTS);
        String tenantId = caseFile.tenantId();
        Map<UUID, List<ViolationView>> violations = em
                .createQuery("from OrderViolation where orderId in :ids order by occurredAt, id", OrderViolation.class)
                .setParameter("ids", orders.stream().map(o -> o.id).toList())
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(
                        v -> v.orderId,
                        Collectors.mapping(
                                v -> new ViolationView(
                                        v.id,
                                        v.occurredAt,
                                        details ? v.description : null,
                                        v.reporterAgencyId,
                                        v.reportedAt,
                                        v.incidentId),
                                Collectors.toList())));
        LocalDate today = today(tenantId);
        Map<UUID, String> restrained = details ? caseOrders.restrainedNames(orders) : Map.of();
        return orders.stream()
                .map(o -> new OrderView(
                        o.id,
                        o.caseId,
                        o.number,
                        o.kind,
                        o.issuingAuthority,
                        o.issuedOn,
                        o.expiresOn,
                        read(o.conditions).stream()
                                .map(c -> places ? c : c.withoutPlaces())
                                .toList(),
                        OrderStatus.of(o.expiresOn, o.revokedAt, today),
                        o.revokedAt,
                        details ? o.revocationReason : null,
                        violations.getOrDefault(o.id, List.of()),
                        o.recordedByAgency,
                        o.createdAt,
                        o.perpetratorId,
                        o.perpetratorId == null ? null : restrained.get(o.perpetratorId)))
                .toList();
    }

    /** Retention leaves an order without conditions. */
    private List<Condition> read(String conditions) {
        return conditions == null ? List.of() : json.read(conditions, new TypeReference<List<Condition>>() {});
    }
}
