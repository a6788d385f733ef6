package kz.qorgau.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs a tenant's chain head with Ed25519 so that a copy kept outside the database (by an auditor, in the
 * log) can later prove the chain still extends it. The private key is the deployment's secret; the public
 * key is published, so anyone can check a checkpoint without trusting the service's database.
 */
public final class CheckpointSigner {

    /** What is signed: the head of one tenant's chain at one time. */
    public record Head(String tenantId, long seq, byte[] hash, Instant at) {

        /** The exact bytes signed: a versioned line per field, so no two heads share them. */
        byte[] signedBytes() {
            return ("qorgau-audit-checkpoint v1\n" + tenantId + "\n" + seq + "\n"
                            + HexFormat.of().formatHex(hash) + "\n" + at + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    /** Both keys base64 DER, as openssl writes them: PKCS#8 for the private key, SubjectPublicKeyInfo for the public. */
    public CheckpointSigner(String privateKeyBase64, String publicKeyBase64) {
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            this.privateKey = ed25519.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.strip())));
            byte[] publicDer = Base64.getDecoder().decode(publicKeyBase64.strip());
            this.publicKey = ed25519.generatePublic(new X509EncodedKeySpec(publicDer));
            this.keyId = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(publicDer), 0, 8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The audit signing keys are not a base64 Ed25519 key pair", e);
        }
        Head probe = new Head("probe", 0, new byte[32], Instant.EPOCH);
        if (!verifies(probe, sign(probe))) {
            throw new IllegalArgumentException("The audit signing key and public key are not one pair");
        }
    }

    public byte[] sign(Head head) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(head.signedBytes());
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }

    public boolean verifies(Head head, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(head.signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key: which key signed a checkpoint. */
    public String keyId() {
        return keyId;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
