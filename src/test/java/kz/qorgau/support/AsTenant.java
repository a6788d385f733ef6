package kz.qorgau.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;
import kz.qorgau.tenant.TenantOverride;

/** Work run as a background job runs it: in a transaction of its own, acting for one tenant or for none. */
public final class AsTenant {

    private AsTenant() {}

    /** @param tenant the tenant the work acts for; null for work that names none */
    public static <T> T call(String tenant, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        TenantOverride override = Arc.container().instance(TenantOverride.class).get();
        try {
            if (tenant != null) {
                override.actFor(tenant);
            }
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            override.clear();
            if (activated) {
                requests.terminate();
            }
        }
    }
}
