package kz.qorgau.statistics;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.function.BiFunction;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Spreadsheet;
import kz.qorgau.statistics.StatisticsDtos.ReferralStatistics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/statistics")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Spreadsheet.MEDIA_TYPE})
@Tag(name = "Statistics")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @GET
    @Path("/referrals")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getReferralStatistics",
            description = "De-identified figures of the referrals the network sent, a set per UTC calendar month of"
                    + " [from, to) (as 2026-11; to at most the current month, which is not counted until it has ended;"
                    + " default: the three months before this one; at most 36 months): by state, priority and kind of"
                    + " receiving agency, declines by reason, and the median and 90th percentile minutes to acknowledge"
                    + " and to accept. Counts under 5 are withheld, and figures are never summed across months, so"
                    + " no two answers can be subtracted to uncover one. For coordinators.",
            summary = "De-identified referral statistics of the network, small cells withheld (coordinators)")
    @APIResponse(
            responseCode = "200",
            description = "The figures; as CSV (Accept: text/csv) one figure per row, UTF-8 with a byte order mark, the"
                    + " header row in the language Accept-Language asks for",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReferralStatistics.class)),
                @Content(
                        mediaType = Spreadsheet.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 10485760),
                        example =
                                "\uFEFFmonth,figure,category,value,withheld\r\n2026-10,total,,212,false\r\n2026-10,byState,COMPLETED,87,false\r\n2026-10,byState,DECLINED,,true\r\n")
            })
    public Response referrals(
            @RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to, @Context HttpHeaders headers) {
        ReferralStatistics figures = statistics.referrals(from, to);
        return answer(
                figures,
                headers,
                StatisticsSpreadsheets::referrals,
                "referral-statistics-" + figures.from() + "-" + figures.to());
    }

    @GET
    @Path("/repeat-victimisation")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getRepeatVictimisationStatistics",
            summary = "Repeat victimisation, breached orders and missed check-ins per district (coordinators)",
            description = "De-identified figures per UTC calendar month of [from, to), as the referral statistics:"
                    + " per district, the incidents that name a recognised victim and, of those, the ones about a"
                    + " victim with another incident in the 12 months before; protective orders breached; check-ins"
                    + " police did not record. Counts under 5 are withheld. For coordinators.")
    @APIResponse(
            responseCode = "200",
            description = "The figures; as CSV (Accept: text/csv) one figure per row, UTF-8 with a byte order mark, the"
                    + " header row in the language Accept-Language asks for",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatisticsDtos.RepeatStatistics.class)),
                @Content(
                        mediaType = Spreadsheet.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 10485760),
                        example =
                                "\uFEFFmonth,figure,district,value,withheld\r\n2026-10,victimIncidents,Almaly,41,false\r\n2026-10,repeatIncidents,Almaly,,true\r\n")
            })
    public Response repeats(
            @RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to, @Context HttpHeaders headers) {
        StatisticsDtos.RepeatStatistics figures = statistics.repeats(from, to);
        return answer(
                figures,
                headers,
                StatisticsSpreadsheets::repeats,
                "repeat-victimisation-" + figures.from() + "-" + figures.to());
    }

    @GET
    @Path("/emergency-access")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getEmergencyAccessStatistics",
            summary = "Uses of emergency access per agency, justified, unjustified and unreviewed (coordinators)",
            description =
                    "The uses opened in UTC months [from, to) (as 2026-11; to at most the month after this"
                            + " one, since this month's uses count at once; default: this month and the two before; at most 36), per opening agency, the most unjustified first.")
    @APIResponse(
            responseCode = "200",
            description = "The figures; as CSV (Accept: text/csv) one figure per row, UTF-8 with a byte order mark, the"
                    + " header row in the language Accept-Language asks for",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatisticsDtos.EmergencyAccessStatistics.class)),
                @Content(
                        mediaType = Spreadsheet.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 10485760),
                        example =
                                "\uFEFFagencyId,agencyName,uses,justified,unjustified,unreviewed,overdue\r\n0192a000-0000-7000-8000-000000000103,Almaty crisis centre for women,3,2,1,0,0\r\n")
            })
    public Response emergencyAccess(
            @RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to, @Context HttpHeaders headers) {
        StatisticsDtos.EmergencyAccessStatistics figures = statistics.emergencyAccess(from, to);
        return answer(
                figures,
                headers,
                StatisticsSpreadsheets::emergencyAccess,
                "emergency-access-" + figures.from() + "-" + figures.to());
    }

    /** JSON, or the same figures as a spreadsheet when the caller prefers CSV. */
    private static <T> Response answer(
            T figures, HttpHeaders headers, BiFunction<T, String, Spreadsheet> sheet, String fileName) {
        if (!Spreadsheet.wanted(headers)) {
            return Response.ok(figures).type(MediaType.APPLICATION_JSON).build();
        }
        return sheet.apply(figures, Spreadsheet.language(headers)).response(fileName);
    }
}
