package kz.qorgau.emergencyaccess;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.AccessView;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.EmergencyView;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.OpenRequest;
import kz.qorgau.emergencyaccess.EmergencyAccessDtos.ReviewRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Break-glass: emergency access to a case by an agency not on it, and its review. */
@Path("/api/v1/emergency-access")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emergency access")
public class EmergencyAccessResource {

    @Inject
    EmergencyAccessService emergencyAccess;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "openEmergencyAccess",
            summary = "Open the minimal emergency view of a case the caller's agency is not on, for a short time",
            description = "Case workers of an agency that is not on the case, with a reason from the fixed list and a"
                    + " note. The case is named by id or found by her full name and birth date (an IIN alone finds"
                    + " nothing); no open case answers 404, exactly as for one of another network. The view lasts"
                    + " qorgau.emergency-access.lasts (one hour); the lead agency and the coordinators hear of it at"
                    + " once (emergency-access.opened), and a coordinator reviews it. 409 already-on-case for an agency"
                    + " that sees the case anyway, emergency-access-active while the agency's last one lasts,"
                    + " several-cases when her name finds more than one open case.")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccessView.class)))
    public Response open(@NotNull @Valid OpenRequest request) {
        AccessView opened = emergencyAccess.open(request);
        return Response.created(URI.create("/api/v1/emergency-access/" + opened.id()))
                .entity(opened)
                .build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listEmergencyAccess",
            summary = "Uses of emergency access: the caller's agency's own; the network's for coordinators",
            description = "Newest first; unreviewed=true keeps those waiting for a coordinator's review, the oldest"
                    + " deadline first. Each list is audited.")
    public Page<AccessView> list(
            @RestQuery("unreviewed") Boolean unreviewed,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return emergencyAccess.list(Boolean.TRUE.equals(unreviewed), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getEmergencyAccess",
            summary = "One use of emergency access and its review",
            description =
                    "For the agency that opened it, the case's lead agency and coordinators; 404 for anyone" + " else.")
    public AccessView get(@RestPath("id") UUID id) {
        return emergencyAccess.get(id);
    }

    @GET
    @Path("/{id}/case")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "readEmergencyView",
            summary = "Read the case's minimal emergency view while the access lasts (each read audited)",
            description = "The agency that opened the access, while it lasts: her risk level, the protective orders in"
                    + " force, whether her phone and home are safe to use, and whom to call. 409"
                    + " emergency-access-ended once it ended or the case was closed; 404 for another agency's access.")
    public EmergencyView read(@RestPath("id") UUID id) {
        return emergencyAccess.read(id);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "reviewEmergencyAccess",
            summary = "Coordinators: judge one use of emergency access justified or not, with a note",
            description = "Once per use (409 already-reviewed). The opening agency and the lead agency hear of it"
                    + " (emergency-access.reviewed); the figures per agency count it.")
    public AccessView review(@RestPath("id") UUID id, @NotNull @Valid ReviewRequest review) {
        return emergencyAccess.review(id, review);
    }
}
