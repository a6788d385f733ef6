package kz.qorgau.incident;

public enum ViolenceKind {
    PHYSICAL,
    SEXUAL,
    PSYCHOLOGICAL,
    ECONOMIC,
    STALKING,
    THREATS
}
