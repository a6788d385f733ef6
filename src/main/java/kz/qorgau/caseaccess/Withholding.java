package kz.qorgau.caseaccess;

/**
 * Why an item of her contact data is kept from an agency that her consent would show it to: contact with her is
 * made only in the ways she said are safe, by agencies that read what those ways are.
 */
public enum Withholding {
    /** No agency on her case has recorded how it is safe to contact her yet. */
    NO_CONTACT_RULES,
    /** The agency has not acknowledged the current version of her safe-contact rules. */
    RULES_NOT_ACKNOWLEDGED,
    /** Every channel that would use the item is unsafe: it is never released. */
    CHANNEL_UNSAFE
}
