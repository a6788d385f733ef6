package kz.qorgau.referral;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.referral.ReferralDtos.WaitingView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/needs-action")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs action")
public class NeedsActionResource {

    @Inject
    NeedsAction needsAction;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listNeedsAction",
            summary = "What waits on the caller's agency, or on one person of it, most urgent first",
            description = "Referrals the caller's agency must acknowledge or answer, accepted ones it must start,"
                    + " paused ones it must look at again, each with the due time of its priority's deadline in the"
                    + " network, earliest (and so overdue) first. assignee=me (or a username of the agency) keeps"
                    + " what was accepted and given to that person.")
    public Page<WaitingView> list(
            @RestQuery
                    @Size(max = 255)
                    @Pattern(regexp = kz.qorgau.common.Username.OR_ME, message = "must be me or a username")
                    String assignee,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return needsAction.queue(assignee, cursor, limit);
    }
}
