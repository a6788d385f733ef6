package kz.qorgau.datareport;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Texts;
import kz.qorgau.datareport.DataReportDtos.DataReport;
import kz.qorgau.security.AccessPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Her own view: the report of who holds and who has read her data, as JSON or as a PDF in her language. */
@Path("/api/v1/cases/{id}/data-report")
@Authenticated
@Tag(name = "Cases")
public class DataReportResource {

    static final String PDF = "application/pdf";

    @Inject
    DataReportService reports;

    @Inject
    DataReportPdf pdf;

    @Inject
    Agencies agencies;

    @Inject
    AccessPolicy access;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getDataReport",
            summary = "For the survivor: who holds and who has read her data, as JSON or a PDF in her language",
            description = "Case workers of her case's lead agency (403 for any other agency on it; 404 for a case the"
                    + " caller does not see). Each agency with its grounds (lead agency, consent, emergency exception,"
                    + " emergency access, risk conference), what it may see now, what it read and when last, from the"
                    + " audit trail; her consents, given and withdrawn. Accept: application/pdf gives the PDF, written"
                    + " for her in lang (kk, ru, en; else Accept-Language; else English). Producing it is audited.")
    @APIResponse(
            responseCode = "200",
            description = "Her report",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataReport.class)),
                @Content(
                        mediaType = PDF,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760))
            })
    public Response report(
            @RestPath("id") UUID id,
            @RestQuery @Pattern(regexp = "^(kk|ru|en)$", message = "must be kk, ru or en") String lang,
            @Context HttpHeaders headers) {
        String language = Texts.chosen(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        DataReport report = reports.report(id, language);
        if (kz.qorgau.common.Preferred.overJson(headers, "application", "pdf")) {
            String lead = agencies.contacts(Set.of(report.leadAgencyId()))
                    .get(report.leadAgencyId())
                    .name();
            return Response.ok(pdf.render(report, access.caller().tenantId(), lead))
                    .type(PDF)
                    .header("Content-Disposition", "attachment; filename=\"data-report-" + id + ".pdf\"")
                    .header("Content-Language", language)
                    .build();
        }
        return Response.ok(report).type(MediaType.APPLICATION_JSON).build();
    }
}
