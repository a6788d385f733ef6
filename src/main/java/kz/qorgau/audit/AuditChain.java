package kz.qorgau.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tamper evidence of a tenant's audit trail: each entry's hash is an HMAC-SHA256 over the previous
 * entry's hash and every field of the entry, with a key the database never holds. Changing, inserting
 * or deleting a row breaks the chain at that row, and someone with write access to the database alone
 * cannot forge a consistent chain again.
 */
public final class AuditChain {

    /** The hash before a tenant's first entry. */
    public static final byte[] GENESIS = new byte[32];

    private final SecretKey key;

    /** Derived from the chain key, so that an entry's MAC and a chain hash are never the same computation. */
    private final SecretKey entryKey;

    public AuditChain(SecretKey key) {
        if (key.getEncoded().length < 32) {
            throw new IllegalArgumentException("The audit chain key must be at least 256 bits");
        }
        this.key = key;
        this.entryKey = new SecretKeySpec(
                hmac(key, "qorgau audit entry MAC v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** Every field of an entry that its hash covers. */
    public record Fields(
            String tenantId,
            long seq,
            UUID id,
            Instant at,
            String actor,
            UUID actorAgencyId,
            List<String> actorRoles,
            String action,
            String recordType,
            UUID recordId,
            UUID caseId,
            List<String> categories,
            String detail,
            String requestId) {}

    public byte[] hash(byte[] previous, Fields entry) {
        return hmac(key, previous, canonical(entry, true));
    }

    public boolean verifies(byte[] previous, Fields entry, byte[] recorded) {
        return MessageDigest.isEqual(hash(previous, entry), recorded);
    }

    /**
     * The MAC the service writes with an entry, over everything but its sequence number (which the chainer
     * gives it later). Without the key, someone who can insert rows cannot make one the chainer will accept.
     */
    public byte[] entryMac(Fields entry) {
        return hmac(entryKey, canonical(entry, false));
    }

    public boolean entryMacMatches(Fields entry, byte[] recorded) {
        return recorded != null && MessageDigest.isEqual(entryMac(entry), recorded);
    }

    private static byte[] hmac(SecretKey key, byte[]... parts) {
        try {
            Mac mac = kz.qorgau.common.JcaInstances.hmacSha256();
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    // Length-prefixed fields in a fixed order, with a marker for absent ones: no two entries share an encoding.
    private static byte[] canonical(Fields e, boolean withSeq) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, e.tenantId());
            if (withSeq) {
                out.writeLong(e.seq());
            }
            text(out, e.id().toString());
            out.writeLong(e.at().getEpochSecond());
            out.writeInt(e.at().getNano());
            text(out, e.actor());
            text(out, e.actorAgencyId() == null ? null : e.actorAgencyId().toString());
            list(out, e.actorRoles());
            text(out, e.action());
            text(out, e.recordType());
            text(out, e.recordId() == null ? null : e.recordId().toString());
            text(out, e.caseId() == null ? null : e.caseId().toString());
            list(out, e.categories());
            text(out, e.detail());
            text(out, e.requestId());
        } catch (IOException e1) {
            throw new UncheckedIOException(e1);
        }
        return bytes.toByteArray();
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            text(out, value);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
