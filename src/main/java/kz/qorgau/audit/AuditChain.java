package kz.qorgau.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

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

    public AuditChain(SecretKey key) {
        if (key.getEncoded().length < 32) {
            throw new IllegalArgumentException("The audit chain key must be at least 256 bits");
        }
        this.key = key;
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(previous);
            return mac.doFinal(canonical(entry));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public boolean verifies(byte[] previous, Fields entry, byte[] recorded) {
        return MessageDigest.isEqual(hash(previous, entry), recorded);
    }

    // Length-prefixed fields in a fixed order, with a marker for absent ones: no two entries share an encoding.
    private static byte[] canonical(Fields e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, e.tenantId());
            out.writeLong(e.seq());
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
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
