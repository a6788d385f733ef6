package kz.qorgau.agency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import kz.qorgau.common.ProblemException;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Caller;

/**
 * The caller's agency as the directory knows it. A token may name an agency that was never registered in
 * this network (a realm misconfigured, say); such a caller may read, but nothing it writes may carry an
 * agency the network does not have.
 *
 * <p>An agency once registered stays registered: the directory deactivates agencies, it never deletes them. So
 * a registration read once (in the caller's own network, through its tenant restriction and row-level security)
 * is remembered, and a write no longer loads the agency's whole row to learn what it knew a second ago. An
 * agency not found is never remembered: registering it takes effect at once.
 */
@ApplicationScoped
public class CallerAgency {

    /** (network, agency) pairs known to be registered; a network has hundreds of agencies, not thousands. */
    private final Cache<Registration, Boolean> registered =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record Registration(String tenantId, UUID agencyId) {}

    @Inject
    AgencyRepository agencies;

    @Inject
    AccessPolicy access;

    public UUID requireRegistered() {
        Caller caller = access.caller();
        UUID id = caller.agencyId().orElseThrow(() -> new ProblemException.Forbidden("The caller acts for no agency"));
        Registration registration = new Registration(caller.tenantId(), id);
        if (registered.getIfPresent(registration) != null) {
            return id;
        }
        if (agencies.count("id", id) == 0) {
            throw new ProblemException.Forbidden("The caller's agency is not registered in this network");
        }
        registered.put(registration, Boolean.TRUE);
        return id;
    }
}
