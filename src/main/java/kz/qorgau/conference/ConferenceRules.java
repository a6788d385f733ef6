package kz.qorgau.conference;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.Priority;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;

/**
 * The rules of risk conferences as plain functions: when a case goes before one of its own accord, who manages a
 * series and who runs its meetings, and on what basis a member sees a case it hears.
 */
public final class ConferenceRules {

    private ConferenceRules() {}

    /** A network's criteria ({@code qorgau.tenants.<id>.conferences.*}). */
    public record Criteria(
            int riskScore,
            Priority judgementLevel,
            int escalationIncidents,
            Duration escalationWindow,
            Duration repeatWindow) {}

    /** Why a member agency sees what it sees of a case its conference hears. */
    public enum ConferenceBasis {
        /** The case's own lead agency, which collected her data. */
        LEAD_AGENCY,
        /** A consent of hers in force covers the agency: the minimal summary and what the consent names. */
        CONSENT,
        /** No consent covers it: the minimal summary that the case's high risk justifies, and a trace of it. */
        HIGH_RISK
    }

    /** The criterion a new assessment meets, if it meets one: the score first, then the assessor's judgement. */
    public static Optional<Criterion> byAssessment(Criteria criteria, int score, Priority scored, Priority level) {
        if (score >= criteria.riskScore()) {
            return Optional.of(Criterion.RISK_SCORE);
        }
        boolean judged = level.isMoreUrgentThan(scored);
        if (judged && !criteria.judgementLevel().isMoreUrgentThan(level)) {
            return Optional.of(Criterion.PROFESSIONAL_JUDGEMENT);
        }
        return Optional.empty();
    }

    /** Whether the incidents linked to a case, by when they happened, are an escalation as of now. */
    public static boolean escalated(Criteria criteria, Collection<Instant> incidentTimes, Instant now) {
        Instant since = now.minus(criteria.escalationWindow());
        long within = incidentTimes.stream()
                .filter(at -> !at.isBefore(since) && !at.isAfter(now))
                .count();
        return within >= criteria.escalationIncidents();
    }

    /**
     * Whether newly linked incidents make the case a repeat (SafeLives): one of them happened after the case's last
     * hearing and within the window of it. An older incident linked late is no repeat.
     */
    public static boolean repeat(Criteria criteria, Optional<Instant> lastHeard, Collection<Instant> incidentTimes) {
        if (lastHeard.isEmpty()) {
            return false;
        }
        Instant heard = lastHeard.get();
        Instant until = heard.plus(criteria.repeatWindow());
        return incidentTimes.stream().anyMatch(at -> at.isAfter(heard) && !at.isAfter(until));
    }

    /** Coordinators manage every series of their network; an agency admin the series its agency chairs. */
    public static boolean managesSeries(Caller caller, UUID chairAgency) {
        return caller.has(Role.COORDINATOR) || caller.has(Role.AGENCY_ADMIN) && caller.belongsTo(chairAgency);
    }

    /**
     * Only coordinators seat an agency in a series besides its chair: a case goes before the series its lead agency
     * sits in, so seating an agency brings its cases before that conference, which no other agency decides for it.
     */
    public static boolean seatsAgencies(Caller caller) {
        return caller.has(Role.COORDINATOR);
    }

    /**
     * An agency reads a case a conference hears if it sat in the series when the meeting sat, or sits there before it
     * does: one seated afterwards took no part in it.
     */
    public static boolean tookPart(Optional<Instant> seatedSince, Optional<Instant> meetingHeld) {
        return seatedSince
                .filter(seated -> meetingHeld.isEmpty() || !seated.isAfter(meetingHeld.get()))
                .isPresent();
    }

    /**
     * A proposed case is listed only once a recorded assessment of her risk is at the network's level or above (by
     * score or by professional judgement), whatever put it on the queue: listing is what lets every member see its
     * summary without her consent, and that needs a high risk someone found and signed, not a level typed when the
     * case was opened nor a count of incidents alone. Escalation and repeats put a case before the chair, who has it
     * assessed.
     */
    public static boolean mayList(Optional<Priority> assessedLevel, Criteria criteria) {
        return assessedLevel
                .filter(level -> !criteria.judgementLevel().isMoreUrgentThan(level))
                .isPresent();
    }

    /**
     * Whether an agency sees a meeting's agenda: coordinators do; a member only if it took part, so that one seated
     * later does not learn which cases were heard before it joined.
     */
    public static boolean seesAgenda(Caller caller, Optional<Instant> seatedSince, Optional<Instant> meetingHeld) {
        return caller.has(Role.COORDINATOR) || tookPart(seatedSince, meetingHeld);
    }

    /** The chair agency's case workers run its meetings: they list cases, record attendance and the plan. */
    public static boolean runsMeetings(Caller caller, UUID chairAgency) {
        return caller.hasAny(Role.CASE_WORKERS) && caller.belongsTo(chairAgency);
    }

    /** Who sees a series at all: its member agencies' people and the network's coordinators. */
    public static boolean seesSeries(Caller caller, Set<UUID> members) {
        return caller.has(Role.COORDINATOR)
                || caller.agencyId().map(members::contains).orElse(false);
    }

    /** A member's basis for seeing a listed case: its own, her consent, or the high risk that listed it. */
    public static ConferenceBasis basis(boolean leadAgency, Set<DataCategory> consented) {
        if (leadAgency) {
            return ConferenceBasis.LEAD_AGENCY;
        }
        return consented.isEmpty() ? ConferenceBasis.HIGH_RISK : ConferenceBasis.CONSENT;
    }

    /** An action is done on time when it was marked done by its due time. */
    public static boolean onTime(Instant dueAt, Instant doneAt) {
        return doneAt != null && !doneAt.isAfter(dueAt);
    }
}
