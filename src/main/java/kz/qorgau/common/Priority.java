package kz.qorgau.common;

/**
 * How urgent a survivor's situation is. A case's risk level is one of these, and the priority of its
 * referrals follows it; each priority has its own deadlines.
 */
public enum Priority {
    EMERGENCY,
    HIGH,
    ROUTINE;

    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
