package kz.qorgau.common;

/**
 * The partner integrations that get an OpenAPI document of their own. An operation marked with a
 * document's extension appears in that document (SmallRye's scan profiles, configured in
 * application.properties); the document at /q/openapi holds every operation.
 */
public final class PartnerDocuments {

    public static final String POLICE_DISPATCH = "x-smallrye-profile-police-dispatch";
    public static final String POLICE_INSPECTOR = "x-smallrye-profile-police-inspector";
    public static final String SOCIAL_PROTECTION = "x-smallrye-profile-social-protection";
    public static final String NGO_PORTAL = "x-smallrye-profile-ngo-portal";
    public static final String ADMINISTRATION = "x-smallrye-profile-administration";
    public static final String SCHOOLS = "x-smallrye-profile-schools";
    public static final String HOTLINE = "x-smallrye-profile-hotline";

    private PartnerDocuments() {}
}
