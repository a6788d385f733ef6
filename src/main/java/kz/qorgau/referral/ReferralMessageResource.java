package kz.qorgau.referral;

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
import java.util.UUID;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.referral.ReferralDtos.MessageView;
import kz.qorgau.referral.ReferralDtos.NewMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/referrals/{id}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralMessageResource {

    @Inject
    ReferralMessages messages;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listReferralMessages",
            summary = "The messages between the two sides of a referral, oldest first",
            description = "For the sender's and the receiver's case workers alone (coordinators 403); a retracted"
                    + " message keeps its place without its text.")
    public Page<MessageView> thread(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return messages.thread(id, cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "writeReferralMessage",
            summary = "Write to the other side of a sent referral",
            description = "Either side's case workers, from sending until the referral ends (a receiver can ask"
                    + " before it decides). The other side hears referral.message, without the text.")
    @APIResponse(
            responseCode = "201",
            description = "The message as stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MessageView.class)))
    public Response write(@RestPath("id") UUID id, @NotNull @Valid NewMessage message) {
        return Response.status(Response.Status.CREATED)
                .entity(messages.write(id, message.text()))
                .build();
    }

    @POST
    @Path("/{messageId}/retraction")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "retractReferralMessage",
            summary = "Take back a message one wrote",
            description = "Its author alone; the message stays in the thread, marked retracted, without its text.")
    public MessageView retract(@RestPath("id") UUID id, @RestPath("messageId") UUID messageId) {
        return messages.retract(id, messageId);
    }
}
