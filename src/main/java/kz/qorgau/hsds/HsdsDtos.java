package kz.qorgau.hsds;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HsdsDtos {

    private HsdsDtos() {}

    /** The directory as the HSDS API answers a list: its Page envelope, with every organization on one page. */
    @Schema(
            name = "HsdsOrganizationPage",
            description = "Open Referral HSDS 3.0: the API's Page envelope whose contents are full organizations (the"
                    + " compiled organization schema, services nested)")
    public record HsdsPage(
            @JsonProperty("total_items") int totalItems,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("page_number") int pageNumber,
            int size,
            @JsonProperty("first_page") boolean firstPage,
            @JsonProperty("last_page") boolean lastPage,
            boolean empty,

            @Schema(
                    maxItems = HsdsService.MAX_ORGANIZATIONS,
                    description = "HSDS organizations: id (the agency's), name, description, phones, contacts,"
                            + " locations (none for an agency whose address is confidential) and services,"
                            + " each with its Qorgau service type as a taxonomy_term of taxonomy"
                            + " qorgau-service-type, service_areas, languages, schedules and, for shelters,"
                            + " capacities in beds")
            List<Map<String, Object>> contents) {}

    @Schema(name = "HsdsImport", description = "What an import changed")
    public record ImportResult(
            @Schema(description = "Agencies whose directory entry the file replaced")
            int organizations,

            @Schema(description = "Services those entries now offer, in all")
            int services) {}
}
