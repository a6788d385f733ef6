package kz.qorgau.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.caseaccess.DataItem;
import kz.qorgau.caseaccess.SharingRules;
import kz.qorgau.caseaccess.Withholding;
import kz.qorgau.common.HasText;
import kz.qorgau.common.Priority;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.incident.IncidentDtos.IncidentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class CaseDtos {

    private CaseDtos() {}

    @Schema(name = "SurvivorDetails", description = "Personal data: shown only to the agencies on the case")
    public record SurvivorDetails(
            @NotNull @HasText @Size(max = 300) String fullName,
            @Past LocalDate birthDate,

            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()-]{5,40}$", message = "must be a phone number")
            String phone,

            @Size(max = 500) String address,

            @jakarta.validation.constraints.Email @Size(max = 254)
            String email,

            @Pattern(regexp = "^[0-9]{12}$", message = "must be twelve digits")
            @Schema(
                    description = "Her individual identification number, where known: checked against its check digit"
                            + " and her birth date, and kept only as a match token that recognises her in the"
                            + " network's incidents and cases (it is not shown back)")
            String iin) {}

    @Schema(name = "NewCase")
    public record NewCase(
            @NotNull @Valid SurvivorDetails survivor,

            @Schema(description = "The assessed risk; ROUTINE until a risk assessment says otherwise")
            Priority riskLevel,

            @Size(max = 50) Set<@NotNull UUID> incidentIds,
            @Size(max = 4000) String summary) {}

    @Schema(name = "Case")
    public record CaseView(
            UUID id,
            UUID leadAgencyId,
            Priority riskLevel,
            CaseFile.Status status,

            @Schema(description = "Category INCIDENT_DETAILS: what happened to her, in the lead agency's words")
            String summary,

            @Schema(
                    description = "Her personal data the caller's agency may see: each field only when its "
                            + "category is shared (IDENTITY: name and birth date, CONTACT: phone, ADDRESS: address); "
                            + "absent when none is")
            SurvivorView survivor,

            @Schema(description = "Why the caller sees what it sees")
            SharingView sharing,

            @Schema(description = "The person of the lead agency who holds the case (a username)")
            String assignee,

            @Schema(maxItems = 50) List<UUID> incidentIds,
            List<ConsentView> consents,
            Instant createdAt,
            Instant updatedAt,
            Instant closedAt,

            @Schema(
                    description = "Only in the answer to opening the case, and only when the network already knew"
                            + " her: her incidents of the last 12 months and whether a risk conference heard a case"
                            + " of hers")
            kz.qorgau.matching.KnownSurvivorView knownSurvivor) {

        CaseView withKnown(kz.qorgau.matching.KnownSurvivorView known) {
            return new CaseView(
                    id,
                    leadAgencyId,
                    riskLevel,
                    status,
                    summary,
                    survivor,
                    sharing,
                    assignee,
                    incidentIds,
                    consents,
                    createdAt,
                    updatedAt,
                    closedAt,
                    known);
        }
    }

    @Schema(
            name = "Sharing",
            description = "The basis on which the caller's agency sees the survivor's data, and the categories it sees")
    public record SharingView(
            SharingRules.SharingBasis basis,
            @Schema(maxItems = 5) Set<DataCategory> categories,

            @Schema(
                    maxItems = 4,
                    description = "Her contact data the categories cover but the caller's agency does not get, and"
                            + " why: until it acknowledges her current safe-contact rules, and never for a channel"
                            + " that is unsafe")
            List<WithheldItem> withheld) {

        static SharingView of(SharingRules.Sharing sharing) {
            return new SharingView(sharing.basis(), sharing.categories(), WithheldItem.of(sharing));
        }
    }

    @Schema(name = "WithheldItem")
    public record WithheldItem(DataItem item, Withholding reason) {

        public static List<WithheldItem> of(SharingRules.Sharing sharing) {
            return sharing.withheld().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> new WithheldItem(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    @Schema(name = "CaseSummary", description = "A case found by search: no personal data")
    public record CaseSummary(
            UUID id,
            UUID leadAgencyId,
            Priority riskLevel,
            CaseFile.Status status,

            @Schema(description = "The person of the lead agency who holds it (a username)")
            String assignee,

            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "CaseClosure")
    public record Closure(
            @NotNull @HasText @Size(max = 2000) String reason) {}

    @Schema(
            name = "SharedCaseData",
            description = "What the survivor's consent lets the caller's agency see of the "
                    + "case behind a referral. Without a consent in force (none given, withdrawn, expired, or the referral "
                    + "went under the emergency exception) it is the minimal view: the case and its risk level only.")
    public record SharedDataView(
            UUID caseId,
            UUID referralId,
            SharingRules.SharingBasis basis,
            @Schema(maxItems = 5) Set<DataCategory> categories,
            Priority riskLevel,
            @Schema(description = "Category IDENTITY") String fullName,
            @Schema(description = "Category IDENTITY") LocalDate birthDate,
            @Schema(description = "Category CONTACT") String phone,
            @Schema(description = "Category ADDRESS") String address,
            @Schema(description = "Category CONTACT") String email,

            @Schema(
                    maxItems = 50,
                    description = "Category INCIDENT_DETAILS: the case's incidents (the names of the "
                            + "people in them also need IDENTITY)")
            List<IncidentView> incidents,

            @Schema(description = "Category RISK: the latest assessment's level and score")
            RiskSummary risk,

            @Schema(
                    maxItems = 4,
                    description = "As on the case: her contact data kept from the caller's agency, and why")
            List<WithheldItem> withheld) {}

    @Schema(name = "RiskSummary")
    public record RiskSummary(Priority level, int score, Instant assessedAt) {}

    @Schema(name = "Survivor")
    public record SurvivorView(
            UUID id,
            @Schema(description = "Category IDENTITY") String fullName,
            @Schema(description = "Category IDENTITY") LocalDate birthDate,
            @Schema(description = "Category CONTACT") String phone,
            @Schema(description = "Category ADDRESS") String address,
            @Schema(description = "Category CONTACT") String email) {}

    @Schema(name = "CaseAssignment", description = "Hands a case to another person of its lead agency")
    public record Assignment(
            @NotNull
            @Size(max = 255)
            @jakarta.validation.constraints.Pattern(
                    regexp = kz.qorgau.common.Username.PATTERN,
                    message = "must be a username")
            @Schema(description = "The username of the person who takes it on")
            String assignee,

            @NotNull @HasText @Size(max = 500) @Schema(description = "Why, for the audit trail")
            String reason) {}

    @Schema(name = "CaseAssignmentResult", description = "Who holds the case now")
    public record AssignmentView(UUID caseId, CaseFile.Status status, String assignee, long version) {}

    @Schema(name = "IncidentLink")
    public record IncidentLink(@NotNull UUID incidentId) {}

    @Schema(name = "LinkedIncidents")
    public record LinkedIncidents(@Schema(maxItems = 500) List<UUID> incidentIds) {}
}
