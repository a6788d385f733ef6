package kz.qorgau.risk;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.casefile.CaseRef;
import kz.qorgau.casefile.CaseService;
import kz.qorgau.common.Json;
import kz.qorgau.common.Priority;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.Text;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.risk.RiskDtos.AssessmentView;
import kz.qorgau.risk.RiskDtos.NewAssessment;
import kz.qorgau.risk.RiskDtos.QuestionnaireView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

@ApplicationScoped
public class RiskService {

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    CaseService cases;

    @Inject
    ReferralService referrals;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    jakarta.enterprise.event.Event<RiskAssessed> assessed;

    @Transactional
    public QuestionnaireView current() {
        access.require(Capability.READ_RISK_QUESTIONNAIRE);
        return latest();
    }

    /** Publishes a new version of the tenant's checklist; assessments already made keep theirs. */
    @Transactional
    public QuestionnaireView publish(Questionnaire definition) {
        access.require(Capability.PUBLISH_RISK_QUESTIONNAIRE);
        var problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException.InvalidInput(problems);
        }
        int inserted = em.createNativeQuery("""
                        insert into risk_questionnaire (tenant_id, version, definition, created_by, created_at)
                        select ?1, coalesce(max(version), 0) + 1, cast(?2 as jsonb), ?3, ?4
                        from risk_questionnaire where tenant_id = ?1
                        on conflict do nothing""")
                .setParameter(1, access.caller().tenantId())
                .setParameter(2, json.write(definition))
                .setParameter(3, access.caller().subject())
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted != 1) {
            throw new ProblemException.Conflict("Another version was published at the same moment; read it and retry");
        }
        return latest();
    }

    /**
     * Records an assessment against the tenant's current checklist. The case takes its level; if that is
     * more urgent than an open referral's priority, the referral is raised in the same transaction.
     */
    @Transactional
    public AssessmentView assess(UUID caseId, NewAssessment request) {
        access.require(Capability.RECORD_RISK_ASSESSMENT);
        CaseRef caseRef = cases.workable(caseId);
        UUID assessor = callerAgency.requireRegistered();
        QuestionnaireView questionnaire = latest();
        Questionnaire.Scoring scoring = questionnaire.definition().score(request.answers());
        Priority level = judged(scoring.level(), request);

        RiskAssessment assessment = new RiskAssessment();
        assessment.id = ids.newId();
        assessment.caseId = caseRef.id();
        assessment.questionnaireVersion = questionnaire.version();
        assessment.answers = json.write(new TreeMap<>(request.answers()));
        assessment.score = scoring.score();
        assessment.scoredLevel = scoring.level();
        assessment.level = level;
        assessment.judgementReason = request.judgementLevel() == null
                ? null
                : request.judgementReason().strip();
        assessment.assessedBy = access.caller().subject();
        assessment.assessorAgencyId = assessor;
        assessment.assessedAt = clock.instant();
        em.persist(assessment);

        cases.riskLevelSet(caseRef.id(), level, assessment.assessedAt);
        referrals.raiseOpenReferrals(caseRef.id(), level, "Risk assessment " + assessment.id + " set " + level);
        // A concurrent change of the case or of a raised referral surfaces here, inside the request.
        em.flush();
        audit.record(
                AuditAction.CREATE,
                Subject.of("risk-assessment", assessment.id, caseRef.id()),
                Set.of(DataCategory.RISK));
        assessed.fire(new RiskAssessed(
                caseRef.id(),
                caseRef.leadAgencyId(),
                assessment.score,
                assessment.scoredLevel,
                assessment.level,
                assessment.assessedAt));
        return view(assessment, Shown.ALL);
    }

    /**
     * An agency on the case sees the assessments whole under RISK (the lead agency always, another agency as
     * its consent allows) and only that they were made otherwise; coordinators see scores and levels, never
     * the answers or the reasons.
     */
    @Transactional
    public List<AssessmentView> ofCase(UUID caseId) {
        access.require(Capability.READ_CASES);
        CaseService.Seen seen = cases.seen(caseId);
        boolean onCase = seen.grant().worksCase();
        boolean risk = onCase && seen.grant().sharing().shows(DataItem.RISK_ASSESSMENT);
        Shown shown = risk ? Shown.ALL : onCase ? Shown.NOTHING : Shown.LEVELS;
        List<AssessmentView> views = em
                .createQuery("from RiskAssessment where caseId = :id order by assessedAt, id", RiskAssessment.class)
                .setParameter("id", caseId)
                .getResultList()
                .stream()
                .map(a -> view(a, shown))
                .toList();
        audit.record(
                AuditAction.READ,
                Subject.of("risk-assessment", null, caseId),
                risk ? Set.of(DataCategory.RISK) : Set.of(),
                views.size() + " assessments");
        return views;
    }

    /** How much of an assessment a reader sees. */
    private enum Shown {
        ALL,
        LEVELS,
        NOTHING
    }

    /** The assessor may raise the scored level with a reason, never lower it. */
    static Priority judged(Priority scored, NewAssessment request) {
        if (request.judgementLevel() == null) {
            if (request.judgementReason() != null) {
                throw new ProblemException.InvalidInput("judgementReason", "applies only with judgementLevel");
            }
            return scored;
        }
        if (scored.isMoreUrgentThan(request.judgementLevel())) {
            throw new ProblemException.InvalidInput(
                    "judgementLevel",
                    "must not lower the scored level " + scored + "; professional judgement only raises it");
        }
        if (Text.blank(request.judgementReason())) {
            throw new ProblemException.InvalidInput("judgementReason", "is required with judgementLevel");
        }
        return request.judgementLevel();
    }

    private QuestionnaireView latest() {
        List<?> rows = em.createNativeQuery("""
                        select version, cast(definition as text) from risk_questionnaire
                        where tenant_id = ?1 order by version desc limit 1""")
                .setParameter(1, access.caller().tenantId())
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("Tenant " + access.caller().tenantId() + " has no checklist");
        }
        Object[] row = (Object[]) rows.get(0);
        return new QuestionnaireView(((Number) row[0]).intValue(), json.read((String) row[1], Questionnaire.class));
    }

    private AssessmentView view(RiskAssessment a, Shown shown) {
        boolean all = shown == Shown.ALL && a.answers != null;
        boolean levels = shown != Shown.NOTHING;
        Map<String, Answer> answers =
                all ? json.read(a.answers, new TypeReference<TreeMap<String, Answer>>() {}) : null;
        // The assessor's reasoning is about her as much as the answers are: RISK, shown with them.
        return new AssessmentView(
                a.id,
                a.caseId,
                a.questionnaireVersion,
                answers,
                levels ? a.score : null,
                levels ? a.scoredLevel : null,
                levels ? a.level : null,
                all ? a.judgementReason : null,
                a.assessedBy,
                a.assessorAgencyId,
                a.assessedAt);
    }
}
