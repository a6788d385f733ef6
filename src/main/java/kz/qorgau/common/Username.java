package kz.qorgau.common;

/** How the API names a person: her Keycloak username (the token's preferred_username), unique in her realm. */
public final class Username {

    /**
     * Latin and Cyrillic (Kazakh and Russian) letters, digits and . _ @ + -; no spaces, no control characters.
     * Written so that a JSON Schema (ECMAScript) validator reads it as Java does.
     */
    public static final String PATTERN = "[A-Za-z0-9\\u0400-\\u04FF._@+-]{1,255}";

    private Username() {}
}
