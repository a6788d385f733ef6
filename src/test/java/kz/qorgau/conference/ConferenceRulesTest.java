package kz.qorgau.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.Priority;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Role;
import org.junit.jupiter.api.Test;

/** The rules of risk conferences, without a server. */
class ConferenceRulesTest {

    private static final ConferenceRules.Criteria DEFAULTS =
            new ConferenceRules.Criteria(14, Priority.HIGH, 3, Duration.ofDays(365), Duration.ofDays(365));
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void fourteenTicksProposeACaseAndThirteenDoNot() {
        assertEquals(
                Optional.of(Criterion.RISK_SCORE),
                ConferenceRules.byAssessment(DEFAULTS, 14, Priority.EMERGENCY, Priority.EMERGENCY));
        assertEquals(Optional.empty(), ConferenceRules.byAssessment(DEFAULTS, 13, Priority.HIGH, Priority.HIGH));
    }

    @Test
    void professionalJudgementProposesWhenItRaisesTheLevelToTheNetworksOrAbove() {
        assertEquals(
                Optional.of(Criterion.PROFESSIONAL_JUDGEMENT),
                ConferenceRules.byAssessment(DEFAULTS, 4, Priority.ROUTINE, Priority.HIGH));
        assertEquals(
                Optional.of(Criterion.PROFESSIONAL_JUDGEMENT),
                ConferenceRules.byAssessment(DEFAULTS, 9, Priority.HIGH, Priority.EMERGENCY));
        // A level the score gave is no judgement, however high.
        assertEquals(Optional.empty(), ConferenceRules.byAssessment(DEFAULTS, 9, Priority.HIGH, Priority.HIGH));
        ConferenceRules.Criteria strict =
                new ConferenceRules.Criteria(14, Priority.EMERGENCY, 3, Duration.ofDays(365), Duration.ofDays(365));
        assertEquals(Optional.empty(), ConferenceRules.byAssessment(strict, 4, Priority.ROUTINE, Priority.HIGH));
    }

    @Test
    void threeIncidentsWithinTwelveMonthsAreAnEscalation() {
        Instant old = NOW.minus(Duration.ofDays(400));
        assertTrue(ConferenceRules.escalated(
                DEFAULTS, List.of(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(2)), NOW), NOW));
        assertFalse(ConferenceRules.escalated(DEFAULTS, List.of(old, NOW.minus(Duration.ofDays(2)), NOW), NOW));
        assertFalse(ConferenceRules.escalated(DEFAULTS, List.of(NOW, NOW), NOW));
    }

    @Test
    void anIncidentWithinTwelveMonthsAfterAHearingIsARepeat() {
        Instant heard = NOW.minus(Duration.ofDays(30));
        assertTrue(ConferenceRules.repeat(DEFAULTS, Optional.of(heard), List.of(NOW)));
        // An incident from before the hearing, linked only now, is no repeat.
        assertFalse(ConferenceRules.repeat(DEFAULTS, Optional.of(heard), List.of(heard.minusSeconds(60))));
        assertFalse(ConferenceRules.repeat(DEFAULTS, Optional.of(NOW.minus(Duration.ofDays(400))), List.of(NOW)));
        assertFalse(ConferenceRules.repeat(DEFAULTS, Optional.empty(), List.of(NOW)));
    }

    @Test
    void theBasisOfAMembersViewIsItsOwnHerConsentOrTheHighRisk() {
        assertEquals(ConferenceRules.ConferenceBasis.LEAD_AGENCY, ConferenceRules.basis(true, Set.of()));
        assertEquals(
                ConferenceRules.ConferenceBasis.CONSENT, ConferenceRules.basis(false, Set.of(DataCategory.IDENTITY)));
        assertEquals(ConferenceRules.ConferenceBasis.HIGH_RISK, ConferenceRules.basis(false, Set.of()));
    }

    @Test
    void coordinatorsAndTheChairsAdminManageASeriesAndTheChairsStaffRunIt() {
        UUID chair = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Caller coordinator = new Caller("almaty", Optional.empty(), Set.of(Role.COORDINATOR), "c");
        Caller chairAdmin = new Caller("almaty", Optional.of(chair), Set.of(Role.AGENCY_ADMIN), "a");
        Caller memberAdmin = new Caller("almaty", Optional.of(member), Set.of(Role.AGENCY_ADMIN), "b");
        Caller chairWorker = new Caller("almaty", Optional.of(chair), Set.of(Role.SOCIAL_WORKER), "w");
        assertTrue(ConferenceRules.managesSeries(coordinator, chair));
        assertTrue(ConferenceRules.managesSeries(chairAdmin, chair));
        assertFalse(ConferenceRules.managesSeries(memberAdmin, chair));
        assertFalse(ConferenceRules.managesSeries(chairWorker, chair));
        assertTrue(ConferenceRules.runsMeetings(chairWorker, chair));
        assertFalse(ConferenceRules.runsMeetings(chairAdmin, chair));
        assertFalse(ConferenceRules.runsMeetings(coordinator, chair));
        assertTrue(ConferenceRules.seesSeries(memberAdmin, Set.of(chair, member)));
        assertFalse(ConferenceRules.seesSeries(memberAdmin, Set.of(chair)));
        assertTrue(ConferenceRules.seesSeries(coordinator, Set.of(chair)));
    }

    @Test
    void onlyARecordedAssessmentAtTheNetworksLevelListsACase() {
        assertTrue(ConferenceRules.mayList(Optional.of(Priority.HIGH), DEFAULTS));
        assertTrue(ConferenceRules.mayList(Optional.of(Priority.EMERGENCY), DEFAULTS));
        assertFalse(ConferenceRules.mayList(Optional.of(Priority.ROUTINE), DEFAULTS));
        assertFalse(ConferenceRules.mayList(Optional.empty(), DEFAULTS), "nobody assessed her");
    }

    @Test
    void aMemberSeatedAfterAMeetingSeesNoneOfItsAgenda() {
        Caller member = new Caller("almaty", Optional.of(UUID.randomUUID()), Set.of(Role.SOCIAL_WORKER), "w");
        Caller coordinator = new Caller("almaty", Optional.empty(), Set.of(Role.COORDINATOR), "c");
        Optional<Instant> held = Optional.of(NOW);
        assertTrue(ConferenceRules.seesAgenda(member, Optional.of(NOW.minusSeconds(1)), held));
        assertFalse(ConferenceRules.seesAgenda(member, Optional.of(NOW.plusSeconds(1)), held));
        assertTrue(ConferenceRules.seesAgenda(member, Optional.of(NOW.plusSeconds(1)), Optional.empty()), "not held");
        assertFalse(ConferenceRules.seesAgenda(member, Optional.empty(), Optional.empty()), "not seated");
        assertTrue(ConferenceRules.seesAgenda(coordinator, Optional.empty(), held));
    }

    @Test
    void anActionIsOnTimeWhenDoneByItsDueTime() {
        assertTrue(ConferenceRules.onTime(NOW, NOW));
        assertFalse(ConferenceRules.onTime(NOW, NOW.plusSeconds(1)));
        assertFalse(ConferenceRules.onTime(NOW, null));
    }
}
