package kz.qorgau.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document uploads a replica takes at once, shared so that no network, and no one caller, can take them all. Each
 * upload holds its body in memory and a database connection while it is stored, so a replica takes only a few; but a
 * slot is taken before the body is read (and before the referral is looked up), so without a rule four slow uploads
 * from one caller, to a referral that does not even exist, held every network's uploads. A network holds all the
 * slots but one, so another network's upload always finds one; and a caller holds all its network's share but one, so
 * a colleague's upload finds one too (the outside probe of issue 26 held its network's three with one account). A
 * partner system uploading in parallel with one token is one caller: it uploads two at once with the default four.
 */
final class UploadSlots {

    private final int total;
    private final int perNetwork;
    private final int perCaller;
    private int taken;
    private final Map<String, Integer> byNetwork = new HashMap<>();
    private final Map<String, Integer> byCaller = new HashMap<>();

    UploadSlots(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("A replica takes at least one upload at once, not " + total);
        }
        this.total = total;
        this.perNetwork = Math.max(1, total - 1);
        this.perCaller = Math.max(1, perNetwork - 1);
    }

    /** A slot for an upload of this caller of this network, to be given back once, or none: the caller hears 503. */
    synchronized Optional<Runnable> take(String network, String caller) {
        String who = network + "|" + caller;
        if (taken >= total
                || byNetwork.getOrDefault(network, 0) >= perNetwork
                || byCaller.getOrDefault(who, 0) >= perCaller) {
            return Optional.empty();
        }
        taken++;
        byNetwork.merge(network, 1, Integer::sum);
        byCaller.merge(who, 1, Integer::sum);
        boolean[] given = {false};
        return Optional.of(() -> {
            synchronized (this) {
                if (given[0]) {
                    return;
                }
                given[0] = true;
                taken--;
                // Counts of zero are removed, so the maps hold only those uploading now.
                byNetwork.computeIfPresent(network, (k, n) -> n == 1 ? null : n - 1);
                byCaller.computeIfPresent(who, (k, n) -> n == 1 ? null : n - 1);
            }
        });
    }

    synchronized int taken() {
        return taken;
    }
}
