package kz.qorgau.statistics;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
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
            description = "De-identified figures of the referrals the network sent on the UTC days [from, to): from"
                    + " is the first day counted, to the first day not counted, at most today, so only days that"
                    + " have ended are counted (default: the 90 days before today; at most 1,098 days): by state, priority and kind of receiving agency, declines by reason, "
                    + "and the median and 90th percentile minutes to acknowledge and to accept. Counts under 5 are "
                    + "withheld. For coordinators.",
            summary = "De-identified referral statistics of the network, small cells withheld (coordinators)")
    public ReferralStatistics referrals(@RestQuery("from") LocalDate from, @RestQuery("to") LocalDate to) {
        return statistics.referrals(from, to);
    }
}
