package kz.qorgau.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import org.junit.jupiter.api.Test;

class ConsentTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID NAMED = UUID.randomUUID();

    private static Consent consent() {
        Consent consent = new Consent();
        consent.recipientAgencyIds = new UUID[] {NAMED};
        consent.recipientKinds = new String[] {"SOCIAL_PROTECTION"};
        consent.givenAt = NOW.minusSeconds(3600);
        return consent;
    }

    @Test
    void coversANamedAgencyOrAnAgencyOfANamedKind() {
        assertTrue(consent().covers(NAMED, AgencyKind.NGO_CRISIS_CENTRE, NOW));
        assertTrue(consent().covers(UUID.randomUUID(), AgencyKind.SOCIAL_PROTECTION, NOW));
        assertFalse(consent().covers(UUID.randomUUID(), AgencyKind.NGO_CRISIS_CENTRE, NOW));
    }

    @Test
    void coversNothingBeforeItWasGivenAfterItExpiresOrOnceWithdrawn() {
        Consent future = consent();
        future.givenAt = NOW.plusSeconds(1);
        assertFalse(future.covers(NAMED, AgencyKind.OTHER, NOW));
        Consent expired = consent();
        expired.expiresAt = NOW;
        assertFalse(expired.covers(NAMED, AgencyKind.OTHER, NOW));
        Consent withdrawn = consent();
        withdrawn.withdrawnAt = NOW.minusSeconds(60);
        assertFalse(withdrawn.covers(NAMED, AgencyKind.OTHER, NOW));
    }
}
