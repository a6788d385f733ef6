package kz.qorgau.referral;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.referral.ReferralDtos.Handover;
import kz.qorgau.referral.ReferralDtos.HandoverResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/agencies/{agencyId}/work-handovers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class WorkHandoverResource {

    @Inject
    ReferralAssignments assignments;

    @POST
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "handOverWork",
            summary = "Move all of one person's accepted referrals and open cases to another person of the agency",
            description = "The agency's admin hands every referral the agency accepted and gave to one person, and"
                    + " every open case it leads that she holds (as when she leaves and is disabled in Keycloak), to"
                    + " another, with a reason, in one transaction: each referral with its history entry, audit entry"
                    + " and referral.reassigned event, each case with its audit entry. Another agency answers 404.")
    public HandoverResult handOver(@RestPath("agencyId") UUID agencyId, @NotNull @Valid Handover handover) {
        return assignments.handOver(agencyId, handover);
    }
}
