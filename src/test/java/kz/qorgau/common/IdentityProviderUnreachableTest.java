package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.OIDCException;
import org.junit.jupiter.api.Test;

/** Which failures mean a network's identity provider is away (503) rather than a defect (500). */
class IdentityProviderUnreachableTest {

    @Test
    void aRealmThatCouldNotBeReachedIsTheIdentityProviderAway() {
        // As quarkus-oidc reports a first connection to a realm that failed: the original error is not kept.
        OIDCException failed =
                new OIDCException("OIDC Server is not available", new RuntimeException("OIDC Server is not available"));
        assertTrue(IdentityProviderUnreachable.isCause(failed));
        assertTrue(IdentityProviderUnreachable.isCause(new RuntimeException("wrapped", failed)));
    }

    @Test
    void otherOidcFailuresAreNot() {
        assertFalse(IdentityProviderUnreachable.isCause(new OIDCException("Tenant configuration must have tenant id")));
        assertFalse(IdentityProviderUnreachable.isCause(new RuntimeException("OIDC Server is not available")));
    }
}
