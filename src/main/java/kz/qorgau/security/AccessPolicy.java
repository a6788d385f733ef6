package kz.qorgau.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import kz.qorgau.common.ProblemException;

/**
 * Applies {@link AccessRules} to the current caller. Services call it before they touch anything, so that
 * every decision is made the same way in one place.
 */
@RequestScoped
public class AccessPolicy {

    @Inject
    CurrentCaller current;

    public Caller caller() {
        return current.get();
    }

    public void require(Capability capability) {
        if (!AccessRules.may(caller(), capability)) {
            throw new ProblemException.Forbidden("The caller's roles do not allow this function");
        }
    }

    public void requireMayEditAgency(UUID agencyId, boolean changesKindOrActive) {
        if (!AccessRules.mayEditAgency(caller(), agencyId, changesKindOrActive)) {
            throw new ProblemException.Forbidden(
                    changesKindOrActive && caller().has(Role.AGENCY_ADMIN)
                            ? "Only a coordinator changes an agency's kind or whether it is active"
                            : "An agency admin edits only its own agency");
        }
    }
}
