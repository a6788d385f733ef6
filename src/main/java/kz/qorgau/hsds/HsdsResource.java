package kz.qorgau.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.hsds.HsdsDtos.HsdsPage;
import kz.qorgau.hsds.HsdsDtos.ImportResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/directory/hsds")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service directory")
public class HsdsResource {

    @Inject
    HsdsService hsds;

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Operation(
            operationId = "exportDirectoryAsHsds",
            summary = "The network's service directory as Open Referral HSDS 3.0 organizations",
            description = "Every active agency of the directory as an HSDS 3.0 organization (the compiled schema, its"
                    + " services nested), in the HSDS API's Page envelope, all on one page. An agency whose address is"
                    + " confidential (a shelter's, by default) has no location at all, only its contact point, whoever"
                    + " asks. Each service names its Qorgau service type as a taxonomy_term of taxonomy"
                    + " qorgau-service-type; a shelter's free places are a capacity in beds (the shape of HSDS 3.1's"
                    + " service_capacity, which 3.0 lets a service carry). Ids are the agencies' own, and UUIDs"
                    + " derived from them for what they offer, the same in every export.")
    public HsdsPage export() {
        return hsds.export();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "importDirectoryFromHsds",
            summary = "Replace directory entries from an Open Referral HSDS 3.0 file (coordinators)",
            description = "An HSDS Page of organizations, or an array of them, as the export gives: each organization"
                    + " id names an agency of the network, whose directory entry the file's services replace"
                    + " (service types from taxonomy terms of taxonomy qorgau-service-type, districts from"
                    + " service_areas, languages, the first schedule's description as opening hours, the contact point"
                    + " from the first contact). All of them or none: a file that is not valid HSDS 3.0 (checked against Open"
                    + " Referral's published schema) or says what an entry cannot hold is refused with 400, its"
                    + " errors naming each problem by JSON pointer. Locations are not read: an agency's address and"
                    + " its confidentiality are for its own staff, and so are its availability (accepting"
                    + " referrals, free places: they change by the hour) and its name and phone. A file exported before"
                    + " an entry's last change (its services' last_modified) answers 409 entry-changed.")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HsdsPage.class)))
    public ImportResult importDirectory(JsonNode body) {
        return hsds.importDirectory(body);
    }
}
