package kz.qorgau.external;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import kz.qorgau.referral.ReferralAction;

/** What a link to a recipient off the platform allows at a moment: plain functions, no framework. */
public final class ExternalLinkRules {

    /** Wrong codes after which a link is locked for good: the sender issues a new one. */
    public static final int MAX_WRONG_CODES = 5;

    /** The receiver's actions the page offers; the rest of the referral's life is the sender's to follow up. */
    public static final List<ReferralAction> PAGE_ACTIONS =
            List.of(ReferralAction.ACKNOWLEDGE, ReferralAction.ACCEPT, ReferralAction.DECLINE);

    /** Accepting or declining answers the referral: the link has done its work. */
    static final Set<ReferralAction> SPENDING = Set.of(ReferralAction.ACCEPT, ReferralAction.DECLINE);

    private ExternalLinkRules() {}

    public enum LinkState {
        /** Issued, its code not yet given. */
        AWAITING_CODE,
        /** The code was given: its session acts on the referral until the session ends. */
        IN_SESSION,
        /** The code was given and its session ended without an answer: the sender issues a new link. */
        USED,
        /** The recipient accepted or declined. */
        SPENT,
        EXPIRED,
        REVOKED,
        /** Locked after too many wrong codes. */
        LOCKED;

        /** Whether the page can still do anything with the link. */
        public boolean live() {
            return this == AWAITING_CODE || this == IN_SESSION;
        }
    }

    /** Revoked, locked and spent are final whatever the time; then the code, the session and the lifetime decide. */
    public static LinkState state(
            Instant now,
            Instant expiresAt,
            Instant revokedAt,
            Instant lockedAt,
            Instant spentAt,
            Instant openedAt,
            Instant sessionExpiresAt) {
        if (revokedAt != null) {
            return LinkState.REVOKED;
        }
        if (lockedAt != null) {
            return LinkState.LOCKED;
        }
        if (spentAt != null) {
            return LinkState.SPENT;
        }
        if (openedAt != null) {
            return sessionExpiresAt != null && now.isBefore(sessionExpiresAt) ? LinkState.IN_SESSION : LinkState.USED;
        }
        return now.isBefore(expiresAt) ? LinkState.AWAITING_CODE : LinkState.EXPIRED;
    }

    /** A code as typed on a phone: its digits alone, so "1234 5678" and "1234-5678" are the code 12345678. */
    public static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder();
        typed.codePoints().filter(c -> c >= '0' && c <= '9').limit(64).forEach(digits::appendCodePoint);
        return digits.toString();
    }

    /** The wrong codes left before the link locks, after this many. */
    public static int attemptsLeft(int wrongCodes) {
        return Math.max(0, MAX_WRONG_CODES - wrongCodes);
    }
}
