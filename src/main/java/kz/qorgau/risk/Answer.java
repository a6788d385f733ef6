package kz.qorgau.risk;

public enum Answer {
    YES,
    NO,
    NOT_KNOWN
}
