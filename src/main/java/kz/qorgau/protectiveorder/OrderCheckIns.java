package kz.qorgau.protectiveorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.protectiveorder.OrderDtos.CheckInView;
import kz.qorgau.protectiveorder.OrderDtos.Condition;
import kz.qorgau.protectiveorder.OrderDtos.CourtPrompt;
import kz.qorgau.protectiveorder.OrderDtos.MissedCheckIn;
import kz.qorgau.protectiveorder.OrderDtos.NewCheckIn;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

/**
 * The police unit's side of an order: the check-ins a court obliged him to, recorded as he comes and listed when he
 * does not, and the police orders about to run out while her risk is still high, for which the unit should ask the
 * court for special requirements. Each is the list of the unit that recorded the order.
 */
@ApplicationScoped
public class OrderCheckIns {

    static final int LIST_LIMIT = 200;

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    CallerAgency callerAgency;

    @Inject
    ProtectiveOrderService orders;

    @Inject
    TenantsConfig tenants;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The check-in days of an order just recorded, as rows to record visits against. */
    @Transactional(Transactional.TxType.MANDATORY)
    void schedule(ProtectiveOrder order, List<Condition> conditions) {
        conditions.stream()
                .filter(c -> c.type() == ConditionType.REPORT_TO_POLICE)
                .flatMap(c -> CheckInSchedule.dueDates(c.checkInDays(), order.issuedOn, order.expiresOn).stream())
                .distinct()
                .forEach(due -> em.createNativeQuery("""
                                insert into order_check_in (order_id, due_on, tenant_id) values (?1, ?2, ?3)
                                on conflict do nothing""")
                        .setParameter(1, order.id)
                        .setParameter(2, Date.valueOf(due))
                        .setParameter(3, order.tenantId)
                        .executeUpdate());
    }

    /** The unit that recorded the order records that he came for a check-in. */
    @Transactional
    public CheckInView record(UUID orderId, NewCheckIn checkIn) {
        access.require(Capability.RECORD_PROTECTIVE_ORDER);
        ProtectiveOrder order = orders.visible(orderId);
        UUID agency = callerAgency.requireRegistered();
        if (!order.recordedByAgency.equals(agency)) {
            throw new ProblemException.Forbidden("The police unit that recorded the order records its check-ins");
        }
        // A visit is recorded when he comes: a day still ahead would leave it off the missed list before it is due.
        if (checkIn.dueOn().isAfter(orders.today(order.tenantId))) {
            throw new ProblemException.InvalidInput("dueOn", "is still ahead: record the visit when he comes");
        }
        Instant now = clock.instant();
        int recorded = em.createNativeQuery("""
                        update order_check_in set attended_at = ?1, recorded_by = ?2
                        where order_id = ?3 and due_on = ?4 and attended_at is null""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, access.caller().username())
                .setParameter(3, orderId)
                .setParameter(4, Date.valueOf(checkIn.dueOn()))
                .executeUpdate();
        if (recorded == 0) {
            boolean scheduled = !em.createNativeQuery(
                            "select 1 from order_check_in where order_id = ?1 and due_on = ?2")
                    .setParameter(1, orderId)
                    .setParameter(2, Date.valueOf(checkIn.dueOn()))
                    .getResultList()
                    .isEmpty();
            if (!scheduled) {
                throw new ProblemException.InvalidInput("dueOn", "is not a check-in day of the order");
            }
            throw new ProblemException.Conflict(
                    "check-in-recorded", "The check-in of " + checkIn.dueOn() + " was already recorded", Map.of());
        }
        audit.record(AuditAction.UPDATE, Subject.of("protective-order", orderId, order.caseId), Set.of(), "check-in");
        return new CheckInView(orderId, checkIn.dueOn(), now, access.caller().username());
    }

    /** The caller's police unit's check-ins whose day passed unrecorded, on orders not revoked; oldest first. */
    @Transactional
    public List<MissedCheckIn> missed() {
        access.require(Capability.RECORD_PROTECTIVE_ORDER);
        UUID agency = callerAgency.requireRegistered();
        LocalDate today = orders.today(access.caller().tenantId());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.case_id, o.number, k.due_on
                        from protective_order o join order_check_in k on k.order_id = o.id
                        where o.recorded_by_agency = ?1 and o.revoked_at is null
                          and k.due_on < ?2 and k.attended_at is null
                        order by k.due_on, o.id
                        limit ?3""")
                .setParameter(1, agency)
                .setParameter(2, Date.valueOf(today))
                .setParameter(3, LIST_LIMIT)
                .getResultList();
        audit.record(AuditAction.LIST, Subject.of("missed-check-ins", null, null), Set.of(), rows.size() + " missed");
        return rows.stream()
                .map(r -> new MissedCheckIn((UUID) r[0], (UUID) r[1], (String) r[2], day(r[3])))
                .toList();
    }

    /**
     * The caller's police unit's police orders that expire within the network's window while her case is open at
     * HIGH or EMERGENCY and no court order protects her after them; soonest first.
     */
    @Transactional
    public List<CourtPrompt> courtPrompts() {
        access.require(Capability.RECORD_PROTECTIVE_ORDER);
        UUID agency = callerAgency.requireRegistered();
        String tenant = access.caller().tenantId();
        LocalDate today = orders.today(tenant);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.case_id, o.number, o.expires_on, c.risk_level
                        from protective_order o join case_file c on c.id = o.case_id
                        where o.recorded_by_agency = ?1 and o.revoked_at is null
                          and o.kind = 'POLICE_PROTECTIVE_ORDER' and o.expires_on between ?2 and ?3
                          and c.status = 'OPEN' and c.risk_level in ('HIGH', 'EMERGENCY')
                          and not exists (select 1 from protective_order court
                                          where court.case_id = o.case_id and court.kind = 'COURT_RESTRICTIONS'
                                            and court.revoked_at is null and court.expires_on > o.expires_on)
                        order by o.expires_on, o.id
                        limit ?4""")
                .setParameter(1, agency)
                .setParameter(2, Date.valueOf(today))
                .setParameter(
                        3, Date.valueOf(today.plusDays(tenants.all().get(tenant).courtPromptDays())))
                .setParameter(4, LIST_LIMIT)
                .getResultList();
        return rows.stream()
                .map(r -> new CourtPrompt(
                        (UUID) r[0], (UUID) r[1], (String) r[2], day(r[3]), Priority.valueOf((String) r[4])))
                .toList();
    }

    /** A date column as the driver hands it over. */
    static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
