package kz.qorgau.referral;

import java.util.List;
import java.util.stream.Collectors;
import kz.qorgau.common.Spreadsheet;
import kz.qorgau.referral.ReferralDtos.ReferralView;

/**
 * Referrals as a coordinator's spreadsheet rows: codes, agencies, deadlines and when each was missed. No free text
 * (the sender's note, the emergency reason) goes into a file that travels by e-mail and sits in Downloads folders.
 */
final class ReferralSpreadsheet {

    private ReferralSpreadsheet() {}

    static Spreadsheet of(List<ReferralView> referrals, String lang) {
        Spreadsheet sheet = Spreadsheet.of(
                lang,
                "id",
                "caseId",
                "senderAgencyId",
                "receiverAgencyId",
                "state",
                "priority",
                "servicesRequested",
                "assignee",
                "submittedAt",
                "acknowledgeDueAt",
                "acknowledgeOverdueAt",
                "respondDueAt",
                "respondOverdueAt",
                "startDueAt",
                "startOverdueAt",
                "reviewDueAt",
                "reviewOverdueAt",
                "acknowledgedAt",
                "acceptedAt",
                "closedAt",
                "declineReason",
                "outcome",
                "updatedAt");
        for (ReferralView referral : referrals) {
            sheet.row(
                    referral.id(),
                    referral.caseId(),
                    referral.senderAgencyId(),
                    referral.receiverAgencyId(),
                    referral.state(),
                    referral.priority(),
                    referral.servicesRequested() == null
                            ? null
                            : referral.servicesRequested().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .collect(Collectors.joining(" ")),
                    referral.assignee(),
                    referral.submittedAt(),
                    referral.acknowledgeDueAt(),
                    referral.acknowledgeOverdueAt(),
                    referral.respondDueAt(),
                    referral.respondOverdueAt(),
                    referral.startDueAt(),
                    referral.startOverdueAt(),
                    referral.reviewDueAt(),
                    referral.reviewOverdueAt(),
                    referral.acknowledgedAt(),
                    referral.acceptedAt(),
                    referral.closedAt(),
                    referral.declineReason(),
                    referral.outcome(),
                    referral.updatedAt());
        }
        return sheet;
    }
}
