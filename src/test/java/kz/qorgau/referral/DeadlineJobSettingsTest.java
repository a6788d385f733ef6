package kz.qorgau.referral;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A deadline job set to claim nothing must say so on every run rather than escalate nothing in silence. */
class DeadlineJobSettingsTest {

    @Test
    void aClaimOfNoneIsRefusedBeforeAnythingIsRead() {
        for (int setting : new int[] {0, -1}) {
            DeadlineJob job = new DeadlineJob();
            job.claimAtMost = setting;
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> job.escalateOverdue(Instant.now()));
            assertTrue(
                    refused.getMessage().contains("qorgau.deadlines.claim-at-most is " + setting),
                    refused.getMessage());
        }
    }
}
