package kz.qorgau.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import kz.qorgau.agency.Agencies;
import kz.qorgau.me.MeDtos.AgencyView;
import kz.qorgau.me.MeDtos.MeView;
import kz.qorgau.me.MeDtos.NetworkView;
import kz.qorgau.me.MeDtos.RoleView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Capability;
import kz.qorgau.security.TenantsConfig;

@ApplicationScoped
public class MeService {

    @Inject
    AccessPolicy access;

    @Inject
    Agencies agencies;

    @Inject
    TenantsConfig tenants;

    @Transactional
    public MeView describe() {
        Caller caller = access.caller();
        AgencyView agency = caller.agencyId()
                .flatMap(agencies::find)
                .map(a -> new AgencyView(a.id(), a.name(), a.kind(), a.active()))
                .orElse(null);
        var network = tenants.all().get(caller.tenantId());
        List<RoleView> roles = caller.roles().stream()
                .sorted()
                .map(role -> new RoleView(
                        role.tokenName(),
                        Arrays.stream(Capability.values())
                                .filter(c -> c.roles().contains(role))
                                .toList()))
                .toList();
        return new MeView(
                caller.subject(),
                caller.username(),
                new NetworkView(caller.tenantId(), network == null ? caller.tenantId() : network.name()),
                agency,
                roles,
                // As the checks apply them: a role that acts for an agency allows nothing without one.
                Arrays.stream(Capability.values())
                        .filter(c -> AccessRules.may(caller, c))
                        .toList());
    }
}
