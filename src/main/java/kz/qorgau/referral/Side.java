package kz.qorgau.referral;

/** Which end of a referral a caller's agency is. */
public enum Side {
    SENDER,
    RECEIVER
}
