package kz.qorgau.consent;

public enum ConsentMethod {
    WRITTEN,
    VERBAL,
    ELECTRONIC,
    /** Given on a call to a hotline, recorded by its operator, who never meets her. */
    PHONE
}
