package kz.qorgau.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import kz.qorgau.common.UploaderCheck;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The roles of {@link Capability#ATTACH_DOCUMENTS}, read from the token as the caller's roles are. */
@ApplicationScoped
public class DocumentUploaders implements UploaderCheck {

    @Override
    public boolean mayAttachDocuments(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token
                && !Collections.disjoint(CurrentCaller.rolesOf(token), Capability.ATTACH_DOCUMENTS.roles());
    }
}
