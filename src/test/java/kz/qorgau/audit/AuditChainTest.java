package kz.qorgau.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final AuditChain chain = new AuditChain(new SecretKeySpec(new byte[32], "HmacSHA256"));
    private final AuditChain otherKey = new AuditChain(new SecretKeySpec(
            new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32
            },
            "HmacSHA256"));

    private static AuditChain.Fields entry(long seq, String actor, String detail) {
        return new AuditChain.Fields(
                "almaty",
                seq,
                new UUID(0, seq),
                Instant.parse("2026-11-24T10:00:00.123456Z"),
                actor,
                null,
                List.of("police-inspector"),
                "READ",
                "case",
                new UUID(1, 1),
                new UUID(1, 1),
                List.of("IDENTITY"),
                detail,
                "req-1");
    }

    @Test
    void eachHashCoversTheEntryAndTheOneBefore() {
        byte[] first = chain.hash(AuditChain.GENESIS, entry(1, "inspector", null));
        byte[] second = chain.hash(first, entry(2, "inspector", null));
        assertTrue(chain.verifies(first, entry(2, "inspector", null), second));
        assertFalse(chain.verifies(first, entry(2, "someone-else", null), second));
        assertFalse(chain.verifies(AuditChain.GENESIS, entry(2, "inspector", null), second));
        assertFalse(chain.verifies(first, entry(3, "inspector", null), second));
    }

    @Test
    void absentAndEmptyFieldsHashApartAndTheKeyMatters() {
        assertFalse(chain.verifies(
                AuditChain.GENESIS,
                entry(1, "inspector", ""),
                chain.hash(AuditChain.GENESIS, entry(1, "inspector", null))));
        // Without the key, a consistent chain cannot be forged again after a change.
        assertFalse(chain.verifies(
                AuditChain.GENESIS,
                entry(1, "inspector", null),
                otherKey.hash(AuditChain.GENESIS, entry(1, "inspector", null))));
    }
}
