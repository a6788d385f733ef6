package kz.qorgau.referral;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Priority;
import kz.qorgau.common.Spreadsheet;
import kz.qorgau.common.Versioned;
import kz.qorgau.referral.ReferralDtos.ActionsView;
import kz.qorgau.referral.ReferralDtos.HistoryView;
import kz.qorgau.referral.ReferralDtos.NewReferral;
import kz.qorgau.referral.ReferralDtos.ReceiverAddressView;
import kz.qorgau.referral.ReferralDtos.ReferralView;
import kz.qorgau.referral.ReferralRepository.Direction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/referrals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    ReferralAssignments assignments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "createReferral",
            description = "Refers the survivor of a case the caller's agency works on to another agency, for services"
                    + " it offers (422 otherwise). submit=true sends it at once, which needs a consent covering "
                    + "the receiver or an emergencyReason (409 consent-required otherwise).",
            summary = "Refer the survivor of a case to another agency, as a DRAFT or submitted at once")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it, ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already made under this Idempotency-Key: the referral first made, as it stands now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Response create(
            @RestHeader("Idempotency-Key")
                    @jakarta.validation.constraints.Size(min = 1, max = 100)
                    @jakarta.validation.constraints.Pattern(
                            regexp = "^[\\x21-\\x7E]+$",
                            message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @NotNull @Valid NewReferral request,
            UriInfo uri) {
        ReferralService.Created made = referrals.create(request, java.util.Optional.ofNullable(idempotencyKey));
        if (!made.created()) {
            return Response.fromResponse(made.referral().ok())
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        return made.referral()
                .created(Versioned.locationUnder(uri, made.referral().body().id()));
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listReferrals",
            description = "The caller's agency's incoming (default) or outgoing referrals in order of change, "
                    + "filtered by state, priority and updatedSince. A receiver never sees drafts. Coordinators "
                    + "without a direction see the network's; emergencyException=true keeps the referrals sent "
                    + "without consent, under the emergency exception; escalated=true (coordinators) the open "
                    + "referrals that missed a deadline of their priority; assignee=me (or a username) the incoming "
                    + "referrals given to that person of the caller's agency: her caseload.",
            summary = "The caller's agency's incoming (default) or outgoing referrals in order of change; "
                    + "coordinators without a direction see the whole network's")
    @APIResponse(
            responseCode = "200",
            description = "A page of referrals. As CSV (Accept: text/csv), for a coordinator's spreadsheet: one row per"
                    + " referral with its codes, agencies, deadlines and escalations and no free text about her, UTF-8"
                    + " with a byte order mark, the header row in the language Accept-Language asks for; the next"
                    + " page, if any, in the Link header (rel=\"next\")",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Link",
                            description = "CSV only: the next page, as <path?query>; rel=\"next\"",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 2000)),
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReferralDtos.ReferralPage.class)),
                @Content(
                        mediaType = Spreadsheet.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 10485760),
                        example = "\uFEFFid,caseId,senderAgencyId,receiverAgencyId,state,priority,...\r\n")
            })
    @Produces({MediaType.APPLICATION_JSON, Spreadsheet.MEDIA_TYPE})
    public Response list(
            @RestQuery("direction") Direction direction,
            @RestQuery("state") ReferralState state,
            @RestQuery("priority") Priority priority,
            @RestQuery("emergencyException") Boolean emergencyException,
            @RestQuery("escalated") Boolean escalated,
            @RestQuery("updatedSince") Instant updatedSince,
            @RestQuery("assignee")
                    @Size(max = 255)
                    @jakarta.validation.constraints.Pattern(
                            regexp = kz.qorgau.common.Username.OR_ME,
                            message = "must be me or a username")
                    String assignee,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Page<ReferralView> page = referrals.list(
                direction,
                state,
                priority,
                Boolean.TRUE.equals(emergencyException),
                Boolean.TRUE.equals(escalated),
                updatedSince,
                assignee,
                cursor,
                limit);
        if (!Spreadsheet.wanted(headers)) {
            return Response.ok(page).type(MediaType.APPLICATION_JSON).build();
        }
        Response.ResponseBuilder answer =
                Response.fromResponse(ReferralSpreadsheet.of(page.items(), Spreadsheet.language(headers))
                        .response("referrals"));
        if (page.nextCursor() != null) {
            // Relative, as every link the API gives: never built from the Host header a caller sent.
            java.net.URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build();
            String query = next.getRawQuery();
            answer.header("Link", "<" + next.getRawPath() + (query == null ? "" : "?" + query) + ">; rel=\"next\"");
        }
        return answer.build();
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getReferral",
            description = "A referral, for its sender and receiver (once sent) and coordinators. The ETag is the "
                    + "version to send in If-Match.",
            summary = "Read a referral; its ETag is the version to send in If-Match")
    @APIResponse(
            responseCode = "200",
            description = "The referral; ETag carries its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Response get(@RestPath("id") UUID id) {
        Versioned<ReferralView> found = referrals.get(id);
        return found.ok();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "fireReferralAction",
            description = "Fires an action at the referral as read at the version If-Match names (428 without it, 412"
                    + " if stale). The state machine: SUBMIT (sender, DRAFT to SUBMITTED); ACKNOWLEDGE (receiver,"
                    + " SUBMITTED); ACCEPT or DECLINE with a reasonCode (receiver, SUBMITTED or ACKNOWLEDGED); "
                    + "START (ACCEPTED); PAUSE with a note and RESUME (IN_PROGRESS and ON_HOLD); COMPLETE with an"
                    + " outcome and the services delivered (IN_PROGRESS); CANCEL with a note (sender) and "
                    + "WITHDRAW (either side) from any state that has not ended; REDIRECT (sender, DECLINED, "
                    + "once) creates a new referral, answered 201. An action not allowed now answers 409 with the"
                    + " allowed ones.",
            summary = "Fire an action at a referral read at the version If-Match names; "
                    + "REDIRECT answers 201 with the new referral")
    @APIResponse(
            responseCode = "200",
            description = "The referral after the action; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "201",
            description = "REDIRECT: the new referral, linked to the declined one",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Response transition(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TransitionCommand command,
            UriInfo uri) {
        ReferralService.Transitioned result =
                referrals.transition(id, command, Versioned.requiredVersion(ifMatch, "referral"));
        if (result.created().isPresent()) {
            Versioned<ReferralView> created = result.created().get();
            return created.created(uri.getBaseUriBuilder()
                    .path("api/v1/referrals")
                    .path(created.body().id().toString())
                    .build());
        }
        return result.referral().ok();
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "reassignReferral",
            description = "The receiving agency's case workers and admin hand an accepted (or started, or paused)"
                    + " referral to another person of the agency, with a reason, at the version If-Match names (428"
                    + " without it, 412 if stale). The history keeps every assignment; the receiving agency hears"
                    + " referral.reassigned. Giving it to the person who holds it changes nothing.",
            summary = "Hand an accepted referral to another person of the receiving agency")
    @APIResponse(
            responseCode = "200",
            description = "Who holds it now; ETag carries the referral's version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralDtos.AssignmentView.class)))
    public Response reassign(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReferralDtos.Assignment assignment) {
        return assignments
                .reassign(id, assignment, Versioned.requiredVersion(ifMatch, "referral"))
                .ok();
    }

    @GET
    @Path("/{id}/history")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getReferralHistory",
            description = "Every step of the referral: the action, from and to which state, who fired it for which "
                    + "agency, the reason, when.",
            summary = "Every step of the referral: who, which agency, from and to which state, why, when")
    public List<HistoryView> history(@RestPath("id") UUID id) {
        return referrals.history(id);
    }

    @GET
    @Path("/{id}/actions")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getReferralActions",
            description = "The actions the caller may fire at the referral now, with its state and version.",
            summary = "The actions the caller may fire at the referral now")
    public ActionsView actions(@RestPath("id") UUID id) {
        return referrals.actions(id);
    }

    @GET
    @Path("/{id}/shared-data")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "getReferralSharedData",
            description = "What the survivor's consent lets the caller's agency see of the case behind the referral: "
                    + "exactly the data categories of the consents in force that cover it (IDENTITY, CONTACT, "
                    + "ADDRESS, INCIDENT_DETAILS, RISK). Without one (never given, withdrawn, expired, sent under "
                    + "the emergency exception, or the referral has ended) it is the minimal view: the case and its "
                    + "risk level. For the referral's two agencies; every read is audited with its categories.",
            summary = "The survivor's data the caller's agency may see for this referral, by consent")
    public SharedDataView sharedData(@RestPath("id") UUID id) {
        return referrals.sharedData(id);
    }

    @GET
    @Path("/{id}/receiver-address")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getReceiverAddress",
            summary = "The receiver's street address, where it chose to share it with the sender",
            description = "For the referral's two agencies (403 for other roles and coordinators), while the accepted"
                    + " referral is under way; 404 when the receiver has not shared it. Each read is audited.")
    public ReceiverAddressView receiverAddress(@RestPath("id") UUID id) {
        return referrals.receiverAddress(id);
    }

    @PUT
    @Path("/{id}/receiver-address")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "shareReceiverAddress",
            summary = "Show the receiver's street address to the sender of this referral (the receiver alone)",
            description = "A shelter's address is confidential: it reaches the sender only this way, on an accepted"
                    + " referral under way (409 referral-not-under-way otherwise), once the shelter recorded it (409"
                    + " no-street-address). Sharing again changes nothing.")
    public ReceiverAddressView shareReceiverAddress(@RestPath("id") UUID id) {
        return referrals.shareReceiverAddress(id, true);
    }

    @DELETE
    @Path("/{id}/receiver-address")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "stopSharingReceiverAddress",
            summary = "Stop showing the receiver's street address to the sender (the receiver alone)",
            description = "The sender's next read answers 404; on an accepted referral under way (409"
                    + " referral-not-under-way otherwise). Stopping again changes nothing.")
    public ReceiverAddressView stopSharingReceiverAddress(@RestPath("id") UUID id) {
        return referrals.shareReceiverAddress(id, false);
    }
}
