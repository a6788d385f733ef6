package kz.qorgau.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.qorgau.security.Role;

/**
 * Access tokens shaped like the ones the tenants' Keycloak realms issue, signed with the test keys whose
 * public halves the test profile gives quarkus-oidc. Nothing bypasses verification: a test that wants a
 * bad token builds one and lets quarkus-oidc refuse it.
 */
public final class TestTokens {

    public static final String ISSUER_BASE = "https://keycloak.test/realms/";
    private static final Map<String, PrivateKey> KEYS = new ConcurrentHashMap<>();

    private String realm;
    private String tenantClaim;
    private String issuer;
    private String signingKey;
    private Object agencyClaim;
    private List<String> roles = List.of();
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
    private String subject = "user-" + UUID.randomUUID();
    private String audience = "qorgau-api";
    private List<String> groups;
    private String username;

    private TestTokens(String realm) {
        this.realm = realm;
        this.tenantClaim = realm;
        this.issuer = ISSUER_BASE + realm;
        this.signingKey = realm;
    }

    /** A token of the given tenant's realm, its tenant claim matching. */
    public static TestTokens tenant(String tenant) {
        return new TestTokens(tenant);
    }

    public TestTokens agency(UUID agency) {
        this.agencyClaim = agency == null ? null : agency.toString();
        return this;
    }

    public TestTokens agencyClaim(Object raw) {
        this.agencyClaim = raw;
        return this;
    }

    public TestTokens roles(Role... granted) {
        this.roles = Arrays.stream(granted).map(Role::tokenName).toList();
        return this;
    }

    public TestTokens rawRoles(String... names) {
        this.roles = List.of(names);
        return this;
    }

    public TestTokens tenantClaim(String claimed) {
        this.tenantClaim = claimed;
        return this;
    }

    public TestTokens issuer(String iss) {
        this.issuer = iss;
        return this;
    }

    /** The person's username (preferred_username), as Keycloak puts it in a person's token. */
    public TestTokens username(String name) {
        this.username = name;
        return this;
    }

    /** Signs with another test key, such as "rogue", which no tenant trusts. */
    public TestTokens signedWith(String keyName) {
        this.signingKey = keyName;
        return this;
    }

    public TestTokens expiresAt(Instant at) {
        this.expiresAt = at;
        return this;
    }

    /** A token meant for another client of the realm. */
    public TestTokens audience(String aud) {
        this.audience = aud;
        return this;
    }

    /** A groups claim beside the realm roles, as a realm's group mapper would add. */
    public TestTokens groups(String... names) {
        this.groups = List.of(names);
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt)
                .claim("typ", "Bearer")
                .claim("azp", "qorgau-tests")
                .audience(audience)
                .claim("realm_access", Map.of("roles", roles));
        if (groups != null) {
            claims.claim("groups", groups);
        }
        if (username != null) {
            claims.claim("preferred_username", username);
        }
        if (tenantClaim != null) {
            claims.claim("tenant", tenantClaim);
        }
        if (agencyClaim != null) {
            claims.claim("agency_id", agencyClaim);
        }
        return claims.jws()
                .keyId(signingKey)
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key(signingKey));
    }

    private static PrivateKey key(String name) {
        return KEYS.computeIfAbsent(name, n -> {
            try {
                return KeyUtils.readPrivateKey("/keys/" + n + "-private.pem");
            } catch (Exception e) {
                throw new IllegalStateException("No test key " + n, e);
            }
        });
    }

    public String realm() {
        return realm;
    }
}
