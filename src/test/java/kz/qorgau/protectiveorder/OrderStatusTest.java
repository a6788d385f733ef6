package kz.qorgau.protectiveorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final LocalDate EXPIRES = LocalDate.of(2026, 3, 31);

    @Test
    void anOrderIsActiveThroughItsLastDayAndExpiredTheDayAfter() {
        assertEquals(OrderStatus.ACTIVE, OrderStatus.of(EXPIRES, null, EXPIRES.minusDays(10)));
        assertEquals(OrderStatus.ACTIVE, OrderStatus.of(EXPIRES, null, EXPIRES));
        assertEquals(OrderStatus.EXPIRED, OrderStatus.of(EXPIRES, null, EXPIRES.plusDays(1)));
    }

    @Test
    void aRevokedOrderIsRevokedWhateverItsDates() {
        Instant revoked = Instant.parse("2026-03-01T10:00:00Z");
        assertEquals(OrderStatus.REVOKED, OrderStatus.of(EXPIRES, revoked, EXPIRES.minusDays(10)));
        assertEquals(OrderStatus.REVOKED, OrderStatus.of(EXPIRES, revoked, EXPIRES.plusDays(10)));
    }

    @Test
    void nearingExpiryMeansInForceWithTheLastDayWithinTheWarningDays() {
        assertFalse(OrderStatus.nearingExpiry(EXPIRES, null, EXPIRES.minusDays(4), 3));
        assertTrue(OrderStatus.nearingExpiry(EXPIRES, null, EXPIRES.minusDays(3), 3));
        assertTrue(OrderStatus.nearingExpiry(EXPIRES, null, EXPIRES, 3));
        assertFalse(OrderStatus.nearingExpiry(EXPIRES, null, EXPIRES.plusDays(1), 3));
        assertFalse(OrderStatus.nearingExpiry(EXPIRES, Instant.EPOCH, EXPIRES.minusDays(1), 3));
    }
}
