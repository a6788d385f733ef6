package kz.qorgau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IssuerTenantResolverTest {

    private static String jwtWithPayload(String json) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void realmIsTheLastPathSegmentAfterRealms() {
        assertEquals("almaty", IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":\"https://kc/realms/almaty\"}")));
        assertEquals(
                "astana", IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":\"http://kc/auth/realms/astana/\"}")));
    }

    @Test
    void onlyTheTopLevelIssuerCounts() {
        String claimsBefore = "{\"realm_access\":{\"iss\":\"https://kc/realms/astana\",\"roles\":[\"a\",{\"b\":[]}]},"
                + "\"aud\":[\"qorgau-api\"],\"exp\":1,\"iss\":\"https://kc/realms/almaty\"}";
        assertEquals("almaty", IssuerTenantResolver.realmOf(jwtWithPayload(claimsBefore)));
        assertNull(IssuerTenantResolver.realmOf(
                jwtWithPayload("{\"realm_access\":{\"iss\":\"https://kc/realms/astana\"}}")));
    }

    @Test
    void anythingElseNamesNoRealm() {
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":\"https://kc/almaty\"}")));
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":42}")));
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("not json")));
        assertNull(IssuerTenantResolver.realmOf("only.two"));
        assertNull(IssuerTenantResolver.realmOf("a.%%%.c"));
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("[\"iss\",\"https://kc/realms/almaty\"]")));
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":{\"x\":\"https://kc/realms/almaty\"}}")));
        assertNull(IssuerTenantResolver.realmOf(jwtWithPayload("{\"iss\":\"https://kc/realms/almaty\"}") + ".extra"));
        assertNull(IssuerTenantResolver.realmOf(""));
    }
}
