package kz.qorgau.statistics;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.statistics.StatisticsDtos.ReferralStatistics;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/statistics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
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
    public ReferralStatistics referrals(@RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to) {
        return statistics.referrals(from, to);
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
    public StatisticsDtos.RepeatStatistics repeats(@RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to) {
        return statistics.repeats(from, to);
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
    public StatisticsDtos.EmergencyAccessStatistics emergencyAccess(
            @RestQuery("from") YearMonth from, @RestQuery("to") YearMonth to) {
        return statistics.emergencyAccess(from, to);
    }
}
