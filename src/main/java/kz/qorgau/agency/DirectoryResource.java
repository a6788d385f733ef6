package kz.qorgau.agency;

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
import kz.qorgau.agency.DirectoryDtos.EntryView;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/directory")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service directory")
public class DirectoryResource {

    @Inject
    DirectoryService directory;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Operation(
            operationId = "searchDirectory",
            description = "Agencies of the caller's network that offer a service, in a district, in a language; "
                    + "acceptingNow=true keeps those active, accepting referrals and, where they count places, "
                    + "with a free place.",
            summary = "Find receivers in the caller's network by service, district, language and free capacity")
    public Page<EntryView> search(
            @RestQuery("service") ServiceType service,
            @RestQuery @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                    String district,
            @RestQuery @Pattern(regexp = "^[a-z]{2,3}$", message = "must be an ISO 639 language code such as kk")
                    String language,
            @RestQuery("acceptingNow") Boolean acceptingNow,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return directory.search(service, district, language, acceptingNow, cursor, limit);
    }
}
