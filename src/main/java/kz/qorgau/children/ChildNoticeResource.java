package kz.qorgau.children;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.qorgau.children.ChildDtos.NoticeView;
import kz.qorgau.children.ChildDtos.OverdueView;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The notices about children at a domestic incident, as their addressees read them. */
@Path("/api/v1/child-notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
public class ChildNoticeResource {

    @Inject
    ChildNotices notices;

    @GET
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "listChildNotices",
            summary = "The notices addressed to the caller's agency, newest first",
            description = "A child-protection service's case workers and a school's safeguarding lead read their own"
                    + " agency's notices and nothing else; open=true keeps those not acknowledged. Each list is"
                    + " audited.")
    public Page<NoticeView> list(
            @RestQuery("open") Boolean open,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return notices.list(Boolean.TRUE.equals(open), cursor, limit);
    }

    @GET
    @Path("/overdue")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "listOverdueChildNotices",
            summary = "Coordinators: notices no one acknowledged by their deadline, or no agency could be sent",
            description = "Oldest deadline first; no child's data, only the addressee, district and dates.")
    public Page<OverdueView> overdue(
            @RestQuery @Size(max = 512) String cursor, @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return notices.overdue(cursor, limit);
    }

    @GET
    @Path("/{noticeId}")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getChildNotice",
            summary = "Read one notice addressed to the caller's agency",
            description = "404 for a notice addressed to another agency, exactly as for one that does not exist.")
    public NoticeView get(@RestPath("noticeId") UUID noticeId) {
        return notices.get(noticeId);
    }

    @POST
    @Path("/{noticeId}/acknowledgement")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "acknowledgeChildNotice",
            summary = "Acknowledge the notice, as the named person calling",
            description = "Stops its escalation to the coordinators; acknowledging again changes nothing.")
    public NoticeView acknowledge(@RestPath("noticeId") UUID noticeId) {
        return notices.acknowledge(noticeId);
    }
}
