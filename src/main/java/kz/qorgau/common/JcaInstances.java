package kz.qorgau.common;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The AES-GCM cipher, the HMAC-SHA256 and the SHA-256 digest of the current thread. {@code Cipher.getInstance},
 * {@code Mac.getInstance} and {@code MessageDigest.getInstance} search the security providers on every call, which
 * was 3% of an incident POST's CPU; none of these objects is safe to share between threads, and each is initialised
 * with its key (and nonce) for every use, or starts afresh after each digest, so one per thread is enough. A caller
 * uses the instance within one method and calls nothing else with it held, so no use on a thread can overlap another.
 */
public final class JcaInstances {

    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    });

    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    });

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    });

    private JcaInstances() {}

    /** This thread's AES/GCM/NoPadding cipher; initialise it before each use. */
    public static Cipher aesGcm() {
        return AES_GCM.get();
    }

    /** This thread's HMAC-SHA256; initialise it with the key before each use. */
    public static Mac hmacSha256() {
        return HMAC_SHA256.get();
    }

    /** This thread's SHA-256, reset: {@code digest} leaves it so for the next use. */
    public static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }
}
