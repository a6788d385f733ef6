package kz.qorgau.common;

/** How the API names a person: her Keycloak username (the token's preferred_username), unique in her realm. */
public final class Username {

    /**
     * Latin and Cyrillic (Kazakh and Russian) letters, digits and . _ @ + -; no spaces, no control characters;
     * not "me" in any case, which the lists read as the caller, so that work given to "me" would be nobody's.
     * Anchored and written so that a JSON Schema (ECMAScript) validator reads it as Java does.
     */
    public static final String PATTERN = "^(?![Mm][Ee]$)[A-Za-z0-9\\u0400-\\u04FF._@+-]{1,255}$";

    /** A list's assignee filter: a username, or "me" for the caller. */
    public static final String OR_ME = "^[A-Za-z0-9\\u0400-\\u04FF._@+-]{1,255}$";

    private Username() {}
}
