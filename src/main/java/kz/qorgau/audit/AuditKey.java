package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The chain key comes from the deployment's secret store (QORGAU_AUDIT_CHAIN_KEY), never from the database. */
@ApplicationScoped
public class AuditKey {

    @Produces
    @Singleton
    AuditChain chain(@ConfigProperty(name = "qorgau.audit.chain-key") String key) {
        return new AuditChain(new SecretKeySpec(Base64.getDecoder().decode(key.strip()), "HmacSHA256"));
    }
}
