package kz.qorgau.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the network knows of a survivor, as ids, counts and dates: never what anyone recorded of her. */
@Schema(
        name = "KnownSurvivor",
        description = "Whether the survivor is already known in the network, recognised by her IIN or by her name and"
                + " birth date; no personal data")
public record KnownSurvivorView(
        @Schema(description = "In an incident's answer: the index in persons of the victim this is about")
        Integer person,

        @Schema(description = "Her open case, if she has one: link the incident to it rather than open another")
        UUID openCaseId,

        @Schema(description = "The agency that leads her open case")
        UUID leadAgencyId,

        @Schema(description = "Her incidents in the last 12 months, this one left out")
        int incidentsLast12Months,

        @Schema(maxItems = 500) List<Instant> incidentDates,

        @Schema(description = "A risk conference heard a case of hers")
        boolean heardByConference) {

    /**
     * What the caller is told: nothing unless it named her (name and birth date) and the network knows something;
     * her case only when the name it gave is the one her case records.
     */
    public static Optional<KnownSurvivorView> of(Integer person, PersonTokens asked, SurvivorRecognition.Known known) {
        if (asked.nameBirth() == null || !known.any()) {
            return Optional.empty();
        }
        SurvivorRecognition.OpenCase open = known.namedCase().orElse(null);
        return Optional.of(new KnownSurvivorView(
                person,
                open == null ? null : open.caseId(),
                open == null ? null : open.leadAgencyId(),
                known.incidentDates().size(),
                known.incidentDates(),
                known.heardByConference()));
    }
}
