package kz.qorgau.children;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.common.HasText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ChildDtos {

    private ChildDtos() {}

    @Schema(name = "NewChild", description = "A child of her household; sealed at rest")
    public record NewChild(
            @NotNull @HasText @Size(max = 300) String fullName,

            @NotNull @Schema(description = "Under 18 years ago, and not after today in the network's time zone")
            LocalDate birthDate,

            @Schema(description = "The child's school or kindergarten, an EDUCATION agency of the network")
            UUID schoolAgencyId,

            @Size(max = 300)
            @Schema(description = "The school or kindergarten as named, where it is not in the network")
            String schoolName) {}

    @Schema(name = "Child")
    public record ChildView(
            UUID id,
            UUID caseId,
            String fullName,
            LocalDate birthDate,

            @Schema(description = "In whole years, today in the network's time zone")
            int age,

            UUID schoolAgencyId,
            String schoolName,

            @Schema(maxItems = 500, description = "The incidents of her case the child was present at")
            List<UUID> presentAtIncidentIds,

            Instant createdAt) {}

    @Schema(name = "ChildPresence")
    public record Presence(
            @NotNull @Schema(description = "Whether the child was there when police attended")
            Boolean present) {}

    @Schema(name = "ChildNoticeContact", description = "Whom to call about the child")
    public record Contact(UUID agencyId, String agencyName, String phone, String contactPoint, String person) {}

    @Schema(
            name = "ChildNotice",
            description = "The minimal notice: who the child is, that police attended a domestic incident on a date,"
                    + " whether the child was present, and whom to call. Nothing about the incident itself.")
    public record NoticeView(
            UUID id,
            AgencyKind addresseeKind,
            String childName,
            LocalDate childBirthDate,

            @Schema(description = "Always true: the notice is sent because police attended a domestic incident")
            boolean policeAttendedDomesticIncident,

            LocalDate incidentDate,
            boolean childPresent,
            Contact whomToCall,

            @Schema(description = "By when it must be acknowledged: the next school day after it was sent")
            Instant acknowledgeBy,

            Instant acknowledgedAt,
            String acknowledgedBy,

            @Schema(description = "Not acknowledged in time: the coordinators were told")
            Instant escalatedAt,

            Instant sentAt) {}

    @Schema(
            name = "OverdueChildNotice",
            description = "A notice no one acknowledged in time, or that no agency could be sent: no child's data")
    public record OverdueView(
            UUID id,
            AgencyKind addresseeKind,

            @Schema(description = "Absent when the network has no child-protection agency for the district")
            UUID addresseeAgencyId,

            String district,
            LocalDate incidentDate,
            Instant acknowledgeBy,
            Instant escalatedAt) {}
}
