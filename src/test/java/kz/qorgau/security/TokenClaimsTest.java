package kz.qorgau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The claims read as quarkus-oidc hands them over, built here from the JSON a realm would sign. */
class TokenClaimsTest {

    private static JsonWebToken verified(String json) throws Exception {
        return new OidcJwtCallerPrincipal(JwtClaims.parse(json), null);
    }

    @Test
    void stringClaimsAreReadAndAnythingElseIsNot() throws Exception {
        JsonWebToken token =
                verified("{\"tenant\":\"almaty\",\"agency_id\":7,\"preferred_username\":\"aigerim\",\"sub\":\"s1\"}");

        assertEquals(Optional.of("almaty"), TokenClaims.string(token, "tenant"));
        assertEquals(Optional.of("aigerim"), TokenClaims.string(token, "preferred_username"));
        assertEquals(Optional.empty(), TokenClaims.string(token, "agency_id"), "a number is not an agency id");
        assertEquals(Optional.empty(), TokenClaims.string(token, "missing"));
    }

    @Test
    void realmRolesAreTheStringsOfTheRolesArray() throws Exception {
        assertEquals(
                List.of("police-officer", "ngo-worker"),
                TokenClaims.realmRoles(
                        verified("{\"realm_access\":{\"roles\":[\"police-officer\",3,{\"x\":1},\"ngo-worker\"]}}")));
    }

    @Test
    void malformedOrMissingRealmAccessGrantsNothing() throws Exception {
        assertEquals(List.of(), TokenClaims.realmRoles(verified("{\"sub\":\"s1\"}")));
        assertEquals(List.of(), TokenClaims.realmRoles(verified("{\"realm_access\":\"police-officer\"}")));
        assertEquals(List.of(), TokenClaims.realmRoles(verified("{\"realm_access\":{\"roles\":\"police-officer\"}}")));
        assertEquals(List.of(), TokenClaims.realmRoles(verified("{\"realm_access\":[\"police-officer\"]}")));
    }
}
