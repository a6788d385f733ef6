package kz.qorgau.referral;

public enum ReferralAction {
    SUBMIT("submitted"),
    ACKNOWLEDGE("acknowledged"),
    ACCEPT("accepted"),
    DECLINE("declined"),
    START("started"),
    PAUSE("paused"),
    RESUME("resumed"),
    COMPLETE("completed"),
    CANCEL("cancelled"),
    WITHDRAW("withdrawn"),
    REDIRECT("redirected");

    private final String pastTense;

    ReferralAction(String pastTense) {
        this.pastTense = pastTense;
    }

    /** The event type partners receive when this action is fired, such as {@code referral.accepted}. */
    public String eventType() {
        return "referral." + pastTense;
    }
}
