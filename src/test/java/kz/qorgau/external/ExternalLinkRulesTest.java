package kz.qorgau.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import kz.qorgau.external.ExternalLinkRules.LinkState;
import org.junit.jupiter.api.Test;

class ExternalLinkRulesTest {

    static final Instant ISSUED = Instant.parse("2026-12-03T09:00:00Z");
    static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(72));

    @Test
    void aLinkWaitsForItsCodeUntilItExpires() {
        assertEquals(LinkState.AWAITING_CODE, state(ISSUED.plusSeconds(1), null, null, null, null, null));
        assertEquals(LinkState.AWAITING_CODE, state(EXPIRES.minusMillis(1), null, null, null, null, null));
        assertEquals(LinkState.EXPIRED, state(EXPIRES, null, null, null, null, null));
    }

    @Test
    void theCodeOpensOneSessionAndThenTheLinkIsUsed() {
        Instant opened = ISSUED.plusSeconds(60);
        Instant sessionEnds = opened.plus(Duration.ofMinutes(30));
        assertEquals(LinkState.IN_SESSION, state(opened.plusSeconds(1), null, null, null, opened, sessionEnds));
        assertEquals(LinkState.USED, state(sessionEnds, null, null, null, opened, sessionEnds));
        // A session opened just before the link's end outlives it: the recipient is mid-answer.
        assertEquals(
                LinkState.IN_SESSION,
                state(EXPIRES.plusSeconds(1), null, null, null, EXPIRES.minusSeconds(1), EXPIRES.plusSeconds(1799)));
    }

    @Test
    void revokedLockedAndSpentAreFinalWhateverTheTime() {
        Instant now = ISSUED.plusSeconds(5);
        assertEquals(LinkState.REVOKED, state(now, now, null, null, null, null));
        assertEquals(LinkState.LOCKED, state(now, null, now, null, null, null));
        assertEquals(LinkState.SPENT, state(now, null, null, now, now, now.plusSeconds(60)));
        assertEquals(LinkState.REVOKED, state(now, now, now, now, now, now.plusSeconds(60)));
        for (LinkState state : LinkState.values()) {
            assertEquals(state == LinkState.AWAITING_CODE || state == LinkState.IN_SESSION, state.live());
        }
    }

    @Test
    void aCodeIsItsDigitsHoweverItIsTyped() {
        assertEquals("12345678", ExternalLinkRules.normaliseCode(" 1234-5678 "));
        assertEquals("12345678", ExternalLinkRules.normaliseCode("1234 5678"));
        assertEquals("", ExternalLinkRules.normaliseCode(null));
        assertEquals("", ExternalLinkRules.normaliseCode("abcd"));
        // Other scripts' digits are not ASCII digits: they are no part of a code.
        assertEquals("12", ExternalLinkRules.normaliseCode("1\u0662\u06F32"));
        assertEquals(64, ExternalLinkRules.normaliseCode("9".repeat(10_000)).length());
    }

    @Test
    void fiveWrongCodesLeaveNone() {
        assertEquals(5, ExternalLinkRules.attemptsLeft(0));
        assertEquals(1, ExternalLinkRules.attemptsLeft(4));
        assertEquals(0, ExternalLinkRules.attemptsLeft(5));
        assertEquals(0, ExternalLinkRules.attemptsLeft(9));
        assertTrue(ExternalLinkRules.PAGE_ACTIONS.containsAll(ExternalLinkRules.SPENDING));
        assertFalse(ExternalLinkRules.PAGE_ACTIONS.contains(kz.qorgau.referral.ReferralAction.COMPLETE));
    }

    private static LinkState state(
            Instant now, Instant revoked, Instant locked, Instant spent, Instant opened, Instant sessionEnds) {
        return ExternalLinkRules.state(now, EXPIRES, revoked, locked, spent, opened, sessionEnds);
    }
}
