package kz.qorgau.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.qorgau.notification.ReceiverAddressRules.Cidr;
import kz.qorgau.security.TenantsConfig;

/**
 * Decides whether a webhook receiver may be called, at subscription and again before every delivery: its
 * host is resolved once, each address it resolves to is checked, and the delivery connects to a checked
 * address and no other, so a name that changes its answer between the check and the call (DNS
 * rebinding) gains nothing.
 */
@ApplicationScoped
public class ReceiverGuard {

    @Inject
    ReceiverResolver resolver;

    @Inject
    WebhookConfig config;

    @Inject
    TenantsConfig tenants;

    private List<Cidr> internalReceivers;

    /** A range that is not one fails the start, not the first delivery. */
    @PostConstruct
    void readRanges() {
        internalReceivers = config.internalReceivers().orElse(List.of()).stream()
                .map(Cidr::parse)
                .toList();
    }

    /** Why a receiver may not be called, in the words the delivery log and the problem details use. */
    public static final class Refused extends Exception {

        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** ADDRESS_REFUSED, HOST_NOT_ALLOWED or UNRESOLVED. */
        public String code() {
            return code;
        }
    }

    /** The addresses the receiver may be called at: every one its host resolves to, each of them checked. */
    public List<InetAddress> addresses(String tenantId, URI url) throws Refused {
        String host = url.getHost();
        if (host == null) {
            throw new Refused("ADDRESS_REFUSED", "names no host");
        }
        if (url.getPort() != -1 && (url.getPort() < 1 || url.getPort() > 65535)) {
            throw new Refused("ADDRESS_REFUSED", "names a port outside 1-65535");
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean literalIpv6 = host.startsWith("[") && host.endsWith("]");
        if (literalIpv6) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<List<String>> allowed =
                Optional.ofNullable(tenants.all().get(tenantId)).flatMap(TenantsConfig.Tenant::webhookHosts);
        if (allowed.isPresent() && !allowed.get().contains(host)) {
            throw new Refused("HOST_NOT_ALLOWED", "names a host the network does not allow receivers on");
        }
        Optional<String> nameRefused = ReceiverAddressRules.whyRefusedName(host);
        if (nameRefused.isPresent() && allowed.isEmpty()) {
            throw new Refused("ADDRESS_REFUSED", nameRefused.get());
        }
        List<InetAddress> addresses = resolve(host, literalIpv6);
        for (InetAddress address : addresses) {
            if (internal(address)) {
                continue;
            }
            // The answer names no range: which private range a name resolves to is the network's own business.
            if (ReceiverAddressRules.whyRefused(address).isPresent()) {
                throw new Refused("ADDRESS_REFUSED", "resolves to an address that is not public");
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(String host, boolean literalIpv6) throws Refused {
        try {
            if (literalIpv6) {
                return List.of(InetAddress.getByName(host));
            }
            Optional<InetAddress> numeric = ReceiverAddressRules.numericIpv4(host);
            if (numeric.isPresent()) {
                return List.of(numeric.get());
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new Refused("UNRESOLVED", "names a host that does not resolve");
        }
    }

    /** A receiver the deployment placed on its own network on purpose (qorgau.webhooks.internal-receivers). */
    private boolean internal(InetAddress address) {
        return internalReceivers.stream().anyMatch(range -> range.contains(address));
    }
}
