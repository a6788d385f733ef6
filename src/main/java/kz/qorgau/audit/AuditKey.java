package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit keys come from the deployment's secret store, never from the database. */
@ApplicationScoped
public class AuditKey {

    @Produces
    @Singleton
    AuditChain chain(@ConfigProperty(name = "qorgau.audit.chain-key") String key) {
        return new AuditChain(new SecretKeySpec(Base64.getDecoder().decode(key.strip()), "HmacSHA256"));
    }

    /** Checkpoints are signed with QORGAU_AUDIT_SIGNING_KEY; its public half is published to auditors. */
    @Produces
    @Singleton
    CheckpointSigner signer(
            @ConfigProperty(name = "qorgau.audit.signing-key") String privateKey,
            @ConfigProperty(name = "qorgau.audit.signing-public-key") String publicKey) {
        return new CheckpointSigner(privateKey, publicKey);
    }
}
