package kz.qorgau.protectiveorder;

import java.time.Instant;
import java.time.LocalDate;

/** Where an order stands, derived from its dates and revocation, never stored, so it cannot go stale. */
public enum OrderStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** @param today the tenant's calendar day; an order is in force through its expiry date */
    public static OrderStatus of(LocalDate expiresOn, Instant revokedAt, LocalDate today) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return today.isAfter(expiresOn) ? EXPIRED : ACTIVE;
    }

    /** An order in force whose last day is at most {@code warningDays} away. */
    public static boolean nearingExpiry(LocalDate expiresOn, Instant revokedAt, LocalDate today, int warningDays) {
        return of(expiresOn, revokedAt, today) == ACTIVE
                && !today.plusDays(warningDays).isBefore(expiresOn);
    }
}
