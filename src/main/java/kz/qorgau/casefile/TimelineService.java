package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.CaseAccess;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.SqlValues;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case's story in time order: incidents, assessments, orders and their breaches, every referral step, and
 * the consents she gave and withdrew.
 */
@ApplicationScoped
public class TimelineService {

    @Schema(name = "TimelineEntry")
    public record Entry(
            Instant at,

            @Schema(
                    description =
                            "INCIDENT, RISK_ASSESSMENT, PROTECTIVE_ORDER, ORDER_VIOLATION, REFERRAL, CONSENT_GIVEN or CONSENT_WITHDRAWN")
            String type,

            UUID id,

            @Schema(description = "The referral of a REFERRAL step, the order of an ORDER_VIOLATION")
            UUID relatedId,

            Map<String, String> details) {}

    /**
     * One query over the case's records, each read through an index on its case (or its referral's or
     * order's), merged and keyset-paged by (time, id). The case has been checked first, so every row
     * belongs to the caller's tenant.
     */
    private static final String TIMELINE = """
            select t.at, t.type, t.id, t.related_id, t.a, t.b, t.c from (
                select i.occurred_at as at, 'INCIDENT' as type, i.id, cast(null as uuid) as related_id,
                       i.district as a, array_to_string(i.violence_kinds, ',') as b, cast(null as text) as c
                  from case_incident ci join incident i on i.id = ci.incident_id where ci.case_id = ?1
                union all
                select ra.assessed_at, 'RISK_ASSESSMENT', ra.id, null, ra.level, cast(ra.score as text), ra.scored_level
                  from risk_assessment ra where ra.case_id = ?1
                union all
                select po.created_at, 'PROTECTIVE_ORDER', po.id, null, po.kind, po.number, cast(po.expires_on as text)
                  from protective_order po where po.case_id = ?1
                union all
                select v.occurred_at, 'ORDER_VIOLATION', v.id, v.order_id, null, null, null
                  from protective_order po join protective_order_violation v on v.order_id = po.id where po.case_id = ?1
                union all
                select h.at, 'REFERRAL', h.id, h.referral_id, h.action, h.from_state, h.to_state
                  from referral r join referral_history h on h.referral_id = r.id where r.case_id = ?1
                union all
                select c.given_at, 'CONSENT_GIVEN', c.id, null, array_to_string(c.categories, ','), c.method,
                       cast(cardinality(c.recipient_agency_ids) + cardinality(c.recipient_kinds) as text)
                  from consent c where c.case_id = ?1
                union all
                select c.withdrawn_at, 'CONSENT_WITHDRAWN', c.id, null, array_to_string(c.categories, ','), null, null
                  from consent c where c.case_id = ?1 and c.withdrawn_at is not null
            ) t
            where ?2 = false or (t.at, t.id) > (?3, ?4)
            order by t.at, t.id
            limit ?5""";

    private static final Map<String, List<String>> DETAIL_NAMES = Map.of(
            "INCIDENT", List.of("district", "violenceKinds"),
            "RISK_ASSESSMENT", List.of("level", "score", "scoredLevel"),
            "PROTECTIVE_ORDER", List.of("kind", "number", "expiresOn"),
            "ORDER_VIOLATION", List.of(),
            "REFERRAL", List.of("action", "fromState", "toState"),
            "CONSENT_GIVEN", List.of("categories", "method", "recipients"),
            "CONSENT_WITHDRAWN", List.of("categories"));

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    CaseRepository cases;

    @Inject
    AccessPolicy access;

    @Inject
    CaseAccess caseAccess;

    @Transactional
    public Page<Entry> timeline(UUID caseId, String cursor, int limit) {
        access.require(Capability.READ_CASE_TIMELINE);
        CaseFile caseFile =
                cases.findByIdOptional(caseId).orElseThrow(() -> new ProblemException.NotFound("Case " + caseId));
        if (!caseAccess.toSee(caseFile.id, caseFile.leadAgencyId).seesTimeline()) {
            throw new ProblemException.Forbidden("A case's timeline is for its lead agency and coordinators");
        }
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        Query query = em.createNativeQuery(TIMELINE)
                .setParameter(1, caseFile.id)
                .setParameter(2, after.isPresent())
                .setParameter(3, Timestamp.from(after.map(Keyset::updatedAt).orElse(Instant.EPOCH)))
                .setParameter(4, after.map(Keyset::id).orElse(new UUID(0, 0)))
                .setParameter(5, limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        audit.record(
                AuditAction.READ,
                Subject.of("case-timeline", caseFile.id, caseFile.id),
                Set.of(DataCategory.INCIDENT_DETAILS, DataCategory.RISK));
        return Keyset.page(
                rows.stream().map(TimelineService::entry).toList(), limit, e -> new Keyset(e.at(), e.id()), e -> e);
    }

    private static Entry entry(Object[] row) {
        String type = (String) row[1];
        Map<String, String> details = new LinkedHashMap<>();
        List<String> names = DETAIL_NAMES.get(type);
        for (int i = 0; i < names.size(); i++) {
            if (row[4 + i] != null) {
                details.put(names.get(i), row[4 + i].toString());
            }
        }
        return new Entry(SqlValues.instant(row[0]), type, (UUID) row[2], (UUID) row[3], details);
    }
}
