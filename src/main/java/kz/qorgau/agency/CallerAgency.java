package kz.qorgau.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import kz.qorgau.common.ProblemException;
import kz.qorgau.security.AccessPolicy;

/**
 * The caller's agency as the directory knows it. A token may name an agency that was never registered in
 * this network (a realm misconfigured, say); such a caller may read, but nothing it writes may carry an
 * agency the network does not have.
 */
@ApplicationScoped
public class CallerAgency {

    @Inject
    AgencyRepository agencies;

    @Inject
    AccessPolicy access;

    public UUID requireRegistered() {
        UUID id = access.caller()
                .agencyId()
                .orElseThrow(() -> new ProblemException.Forbidden("The caller acts for no agency"));
        if (agencies.findByIdOptional(id).isEmpty()) {
            throw new ProblemException.Forbidden("The caller's agency is not registered in this network");
        }
        return id;
    }
}
