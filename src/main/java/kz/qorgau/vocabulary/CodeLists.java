package kz.qorgau.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every code list the partner documents use, under the name its schema has there, so that a portal looks a
 * code up where the document shows it. A code list missing here, or a code without a label in a language,
 * fails {@code VocabularyTest}.
 */
public final class CodeLists {

    /** The lists in the order the vocabulary gives them. */
    public static final Map<String, Class<? extends Enum<?>>> LISTS = lists();

    private CodeLists() {}

    private static Map<String, Class<? extends Enum<?>>> lists() {
        Map<String, Class<? extends Enum<?>>> lists = new LinkedHashMap<>();
        lists.put("AgencyKind", kz.qorgau.agency.AgencyKind.class);
        lists.put("Answer", kz.qorgau.risk.Answer.class);
        lists.put("AuditAction", kz.qorgau.audit.AuditAction.class);
        lists.put("SharingBasis", kz.qorgau.caseaccess.SharingRules.SharingBasis.class);
        lists.put("ConferenceBasis", kz.qorgau.conference.ConferenceRules.ConferenceBasis.class);
        lists.put("HoldingBasis", kz.qorgau.datareport.DataHolders.HoldingBasis.class);
        lists.put("Capability", kz.qorgau.security.Capability.class);
        lists.put("Channel", kz.qorgau.safecontact.Channel.class);
        lists.put("ConditionType", kz.qorgau.protectiveorder.ConditionType.class);
        lists.put("ConsentMethod", kz.qorgau.consent.ConsentMethod.class);
        lists.put("ContactLanguage", kz.qorgau.safecontact.ContactLanguage.class);
        lists.put("ContactOutcome", kz.qorgau.safecontact.ContactOutcome.class);
        lists.put("Criterion", kz.qorgau.conference.Criterion.class);
        lists.put("DataCategory", kz.qorgau.consent.DataCategory.class);
        lists.put("DataItem", kz.qorgau.caseaccess.DataItem.class);
        lists.put("DayOfWeek", java.time.DayOfWeek.class);
        lists.put("Deadline", kz.qorgau.referral.Deadline.class);
        lists.put("DeclineReason", kz.qorgau.referral.DeclineReason.class);
        lists.put("DeliveryStatus", kz.qorgau.notification.DeliveryStatus.class);
        lists.put("Direction", kz.qorgau.referral.ReferralRepository.Direction.class);
        lists.put("DocumentKind", kz.qorgau.document.DocumentKind.class);
        lists.put("EmergencyReason", kz.qorgau.emergencyaccess.EmergencyReason.class);
        lists.put("LinkState", kz.qorgau.external.ExternalLinkRules.LinkState.class);
        lists.put("OrderKind", kz.qorgau.protectiveorder.OrderKind.class);
        lists.put("OrderStatus", kz.qorgau.protectiveorder.OrderStatus.class);
        lists.put("Outcome", kz.qorgau.referral.Outcome.class);
        lists.put("PersonRole", kz.qorgau.incident.IncidentDtos.PersonRole.class);
        lists.put("Priority", kz.qorgau.common.Priority.class);
        lists.put("ReferralAction", kz.qorgau.referral.ReferralAction.class);
        lists.put("ReferralState", kz.qorgau.referral.ReferralState.class);
        lists.put("ServiceType", kz.qorgau.agency.ServiceType.class);
        lists.put("Side", kz.qorgau.referral.Side.class);
        lists.put("CaseStatus", kz.qorgau.casefile.CaseFile.Status.class);
        lists.put("ConferenceCaseStatus", kz.qorgau.conference.ConferenceCase.Status.class);
        lists.put("Verdict", kz.qorgau.conference.ConferenceDtos.Verdict.class);
        lists.put("ViolenceKind", kz.qorgau.incident.ViolenceKind.class);
        lists.put("Withholding", kz.qorgau.caseaccess.Withholding.class);
        lists.put("Role", kz.qorgau.security.Role.class);
        return java.util.Collections.unmodifiableMap(lists);
    }

    /** The codes of a list, in their declared order. */
    public static List<String> codes(Class<? extends Enum<?>> list) {
        return java.util.Arrays.stream(list.getEnumConstants()).map(Enum::name).toList();
    }
}
