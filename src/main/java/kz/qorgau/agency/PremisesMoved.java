package kz.qorgau.agency;

import java.util.UUID;

/** An agency's street address changed, in the transaction that changes it: what it shared of the old one ends. */
public record PremisesMoved(UUID agencyId) {}
