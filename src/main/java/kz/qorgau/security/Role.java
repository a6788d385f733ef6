package kz.qorgau.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The realm roles of the design; the token carries them by their external names. */
public enum Role {
    POLICE_DISPATCH("police-dispatch"),
    POLICE_INSPECTOR("police-inspector"),
    SOCIAL_WORKER("social-worker"),
    NGO_CASEWORKER("ngo-caseworker"),
    AGENCY_ADMIN("agency-admin"),
    COORDINATOR("coordinator"),
    AUDITOR("auditor"),
    /** A school's or kindergarten's designated safeguarding lead: reads and acknowledges its notices, nothing else. */
    SAFEGUARDING_LEAD("safeguarding-lead"),
    /** A hotline's operator: opens a case from a survivor's call, records her consent given on the phone, refers her. */
    HOTLINE_OPERATOR("hotline-operator"),
    /**
     * A recipient off the platform acting through the link and code of one referral ({@code kz.qorgau.external}). No
     * token ever carries it: only that page gives it, for one request, to the referral's stand-in receiver.
     */
    EXTERNAL_RECIPIENT("external-recipient");

    /** The people who work cases: they open them, refer survivors and receive referrals. */
    public static final Set<Role> CASE_WORKERS =
            Set.of(POLICE_INSPECTOR, SOCIAL_WORKER, NGO_CASEWORKER, HOTLINE_OPERATOR);

    private final String tokenName;

    Role(String tokenName) {
        this.tokenName = tokenName;
    }

    public String tokenName() {
        return tokenName;
    }

    /** Realm roles that are not Qorgau's (Keycloak adds offline_access and others) are ignored. */
    public static Optional<Role> fromTokenName(String name) {
        return Arrays.stream(values())
                .filter(r -> r != EXTERNAL_RECIPIENT && r.tokenName.equals(name))
                .findFirst();
    }

    /** Every role except the tenant-wide ones acts on behalf of one agency and needs an agency claim. */
    public boolean actsForAnAgency() {
        return this != COORDINATOR && this != AUDITOR;
    }
}
