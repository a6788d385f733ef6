package kz.qorgau.caseaccess;

import java.util.EnumSet;
import java.util.Set;
import kz.qorgau.consent.DataCategory;

/**
 * Every item of her data the API shows, and the consent categories an agency needs to see it: the one
 * table that maps categories to fields. The partner documents name the same category on each field, and
 * {@code DisclosureMatrixTest} checks the HTTP answers against the design's own table.
 */
public enum DataItem {
    SURVIVOR_NAME(DataCategory.IDENTITY),
    SURVIVOR_BIRTH_DATE(DataCategory.IDENTITY),
    SURVIVOR_PHONE(DataCategory.CONTACT),
    SURVIVOR_ADDRESS(DataCategory.ADDRESS),
    SURVIVOR_EMAIL(DataCategory.CONTACT),
    /** What happened to her, in the lead agency's words. */
    CASE_SUMMARY(DataCategory.INCIDENT_DETAILS),
    /** An incident's account, and the roles and ages of the people in it. */
    INCIDENT_ACCOUNT(DataCategory.INCIDENT_DETAILS),
    INCIDENT_PERSON_NAMES(DataCategory.INCIDENT_DETAILS, DataCategory.IDENTITY),
    /** Answers, reasons, scores and levels of the risk checklist. */
    RISK_ASSESSMENT(DataCategory.RISK),
    /** The places a protective order keeps him away from: her home, her work, her children's school. */
    ORDER_PLACES(DataCategory.ADDRESS),
    /** Violations of an order and why it was revoked. */
    ORDER_EVENTS(DataCategory.INCIDENT_DETAILS),
    /** The notes the two sides of a referral write each other about her. */
    REFERRAL_NOTES(DataCategory.INCIDENT_DETAILS);

    private final Set<DataCategory> needs;

    DataItem(DataCategory first, DataCategory... more) {
        this.needs = EnumSet.of(first, more);
    }

    public Set<DataCategory> needs() {
        return needs;
    }
}
