package kz.qorgau.safecontact;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Versioned;
import kz.qorgau.safecontact.SafeContactDtos.Acknowledgement;
import kz.qorgau.safecontact.SafeContactDtos.AttemptView;
import kz.qorgau.safecontact.SafeContactDtos.NewAttempt;
import kz.qorgau.safecontact.SafeContactDtos.RulesUpdate;
import kz.qorgau.safecontact.SafeContactDtos.RulesView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** How it is safe to contact her, and every attempt to. */
@Path("/api/v1/cases/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safe contact")
public class SafeContactResource {

    @Inject
    SafeContactService safeContact;

    @PUT
    @Path("/contact-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "recordContactRules",
            summary = "Record how it is safe to contact her, as a new version every agency must acknowledge",
            description = "Case workers of the agencies on her open case whose consent covers CONTACT or ADDRESS (403"
                    + " otherwise; 404 for a case the caller does not see). Her lead agency records the first rules and"
                    + " changes them as it sees fit; another agency on her case may only make them stricter (a channel"
                    + " unsafe, its days or hours narrower, more people who must not know; 403 for anything looser)."
                    + " Every channel is stated once (400 otherwise): unsafe,"
                    + " or safe on some days and hours in the network's time zone. Changing existing rules needs"
                    + " If-Match with their ETag (the version): 428 without, 412 when someone changed them"
                    + " meanwhile. Until an agency other than the lead acknowledges the new version it gets none of"
                    + " her phone, address or the places an order protects; a phone (or address) no safe channel"
                    + " uses is never released to it. The agencies that acknowledged an earlier version hear"
                    + " case.contact-rules-changed.")
    @APIResponse(
            responseCode = "200",
            description = "The new version; its ETag is the version number",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RulesView.class)))
    public Response record(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RulesUpdate update) {
        RulesView view = safeContact.record(id, update, Versioned.expectedVersion(ifMatch));
        return new Versioned<>(view, view.version()).ok();
    }

    @GET
    @Path("/contact-rules")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "getContactRules",
            summary = "Read her current safe-contact rules and who acknowledged them",
            description = "The lead agency and the receivers of her live referrals whose consent covers CONTACT or"
                    + " ADDRESS, before"
                    + " or after acknowledging; 404 when none were recorded. Each read is audited.")
    @APIResponse(
            responseCode = "200",
            description = "The current version; its ETag is the version number",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RulesView.class)))
    public Response get(@RestPath("id") UUID id) {
        RulesView view = safeContact.get(id);
        return new Versioned<>(view, view.version()).ok();
    }

    @POST
    @Path("/contact-rules/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "acknowledgeContactRules",
            summary = "Acknowledge, as a named person of the caller's agency, the version of her rules read",
            description = "From then on the agency gets the contact data the rules release. A version that is no"
                    + " longer current answers 409 contact-rules-changed with the current one; acknowledging again"
                    + " changes nothing.")
    public RulesView acknowledge(@RestPath("id") UUID id, @NotNull @Valid Acknowledgement acknowledgement) {
        return safeContact.acknowledge(id, acknowledgement.version());
    }

    @POST
    @Path("/contact-attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "recordContactAttempt",
            summary = "Record an attempt to reach her; refused when the channel or the hour is not safe",
            description = "The agency making the attempt records it, on an open case. 409 problem details say why one"
                    + " is refused: no-contact-rules, contact-rules-not-acknowledged (the current version, or an attempt"
                    + " from before the agency acknowledged it), attempt-before-rules (made before the current version"
                    + " was recorded), channel-unsafe, outside-safe-hours (with the safe days and hours), case-closed."
                    + " An outcome ANSWERED_BY_SOMEONE_ELSE or"
                    + " UNSAFE is told to the lead agency at once (case.contact-compromised).")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttemptView.class)))
    public Response attempt(@RestPath("id") UUID id, @NotNull @Valid NewAttempt attempt) {
        return Response.status(Response.Status.CREATED)
                .entity(safeContact.attempt(id, attempt))
                .build();
    }

    @GET
    @Path("/contact-attempts")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listContactAttempts",
            summary = "The attempts every agency made to reach her, newest first",
            description = "The same agencies as her rules. Each list is audited.")
    public Page<AttemptView> attempts(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return safeContact.attempts(id, cursor, limit);
    }
}
