package kz.qorgau.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document uploads a replica takes at once, shared so that no one can take them all. Each upload holds its
 * body in memory and a database connection while it is stored, so a replica takes only a few; but a slot is taken
 * before the body is read (and before the referral is looked up, which needs the body's resource), so without a
 * rule four slow uploads from one caller, to a referral that does not even exist, held every network's uploads.
 * Now a caller (a token subject of one network) holds at most one slot, and a network at most half of them: one
 * caller holds up only their own next upload, and one network never more than half of everyone's.
 */
final class UploadSlots {

    private final int total;
    private final int perNetwork;
    private int taken;
    private final Map<String, Integer> byNetwork = new HashMap<>();
    private final Map<String, Integer> byCaller = new HashMap<>();

    UploadSlots(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("A replica takes at least one upload at once, not " + total);
        }
        this.total = total;
        this.perNetwork = Math.max(1, total / 2);
    }

    /** A slot for this caller of this network, to be given back once, or none: the caller hears 503. */
    synchronized Optional<Runnable> take(String network, String caller) {
        String callerKey = network + '\u001f' + caller;
        if (taken >= total
                || byNetwork.getOrDefault(network, 0) >= perNetwork
                || byCaller.getOrDefault(callerKey, 0) >= 1) {
            return Optional.empty();
        }
        taken++;
        byNetwork.merge(network, 1, Integer::sum);
        byCaller.merge(callerKey, 1, Integer::sum);
        boolean[] given = {false};
        return Optional.of(() -> {
            synchronized (this) {
                if (given[0]) {
                    return;
                }
                given[0] = true;
                taken--;
                // Counts of zero are removed, so the maps hold only the callers uploading now.
                byNetwork.computeIfPresent(network, (k, n) -> n == 1 ? null : n - 1);
                byCaller.computeIfPresent(callerKey, (k, n) -> n == 1 ? null : n - 1);
            }
        });
    }

    synchronized int taken() {
        return taken;
    }
}
