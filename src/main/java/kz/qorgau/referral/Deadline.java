package kz.qorgau.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.common.Priority;
import kz.qorgau.security.TenantsConfig;

/**
 * What a receiving agency owes a referral, and by when: each deadline runs while the referral is in its
 * states, from the moment it names, for a time set per priority and per network. A missed deadline is
 * escalated once (its overdue mark), and is what the needs-action queue orders by.
 */
public enum Deadline {
    ACKNOWLEDGE(Set.of(ReferralState.SUBMITTED), "submitted_at", "ack_overdue_at"),
    RESPOND(Set.of(ReferralState.SUBMITTED, ReferralState.ACKNOWLEDGED), "submitted_at", "respond_overdue_at"),
    START(Set.of(ReferralState.ACCEPTED), "accepted_at", "start_overdue_at"),
    REVIEW(Set.of(ReferralState.ON_HOLD), "paused_at", "review_overdue_at");

    private final Set<ReferralState> runsIn;
    private final String fromColumn;
    private final String overdueColumn;

    Deadline(Set<ReferralState> runsIn, String fromColumn, String overdueColumn) {
        this.runsIn = runsIn;
        this.fromColumn = fromColumn;
        this.overdueColumn = overdueColumn;
    }

    public Set<ReferralState> runsIn() {
        return runsIn;
    }

    /** The referral's column holding the moment the deadline runs from. */
    String fromColumn() {
        return fromColumn;
    }

    /** The referral's column marking that the deadline was missed and escalated. */
    String overdueColumn() {
        return overdueColumn;
    }

    public Duration within(TenantsConfig.Deadlines deadlines, Priority priority) {
        return switch (this) {
            case ACKNOWLEDGE -> deadlines.acknowledge(priority);
            case RESPOND -> deadlines.respond(priority);
            case START -> deadlines.start(priority);
            case REVIEW -> deadlines.review(priority);
        };
    }

    /**
     * The deadline a referral in this state waits on next: the one the receiver must meet first (a submitted
     * referral is acknowledged before it is answered). Empty when nothing is owed: a draft, one under way, one
     * that ended.
     */
    public static Optional<Deadline> next(ReferralState state) {
        return switch (state) {
            case SUBMITTED -> Optional.of(ACKNOWLEDGE);
            case ACKNOWLEDGED -> Optional.of(RESPOND);
            case ACCEPTED -> Optional.of(START);
            case ON_HOLD -> Optional.of(REVIEW);
            default -> Optional.empty();
        };
    }

    /** When a referral that entered the deadline's states at {@code since} must have moved on. */
    public Instant dueAt(Instant since, TenantsConfig.Deadlines deadlines, Priority priority) {
        return since.plus(within(deadlines, priority));
    }
}
