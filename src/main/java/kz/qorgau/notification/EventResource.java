package kz.qorgau.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.notification.NotificationDtos.EventPage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    @Inject
    ChangeFeed feed;

    @GET
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Operation(
            operationId = "listEvents",
            description =
                    "The change feed, for partners that cannot receive webhooks: the events the caller's agency may "
                            + "hear of (coordinators: their network's), oldest first, after the cursor the last page gave. "
                            + "nextCursor is always present; poll with it. An event appears here about a second after its "
                            + "change commits, and a feed read this way never skips one.",
            summary = "Events the caller's agency may hear of, after a cursor")
    public EventPage list(
            @RestQuery @Size(max = 512) String after, @RestQuery @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return feed.after(after, limit);
    }
}
