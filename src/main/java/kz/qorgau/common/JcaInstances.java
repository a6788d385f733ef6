package kz.qorgau.common;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The AES-GCM cipher and the HMAC-SHA256 of the current thread. {@code Cipher.getInstance} and
 * {@code Mac.getInstance} search the security providers on every call, which was 2% of an incident POST's CPU;
 * neither object is safe to share between threads, and each is initialised with its key (and nonce) for every
 * use, so one per thread is enough. A caller uses the instance within one method and calls nothing else with it
 * held, so no use on a thread can overlap another.
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

    private JcaInstances() {}

    /** This thread's AES/GCM/NoPadding cipher; initialise it before each use. */
    public static Cipher aesGcm() {
        return AES_GCM.get();
    }

    /** This thread's HMAC-SHA256; initialise it with the key before each use. */
    public static Mac hmacSha256() {
        return HMAC_SHA256.get();
    }
}
