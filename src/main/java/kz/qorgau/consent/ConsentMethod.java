package kz.qorgau.consent;

public enum ConsentMethod {
    WRITTEN,
    VERBAL,
    ELECTRONIC
}
