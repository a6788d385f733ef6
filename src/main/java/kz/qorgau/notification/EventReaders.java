package kz.qorgau.notification;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.qorgau.security.AccessRules;
import kz.qorgau.security.Caller;
import kz.qorgau.security.Capability;

/**
 * Which events a caller may read from the change feed: those about what its role may read. The feed of a
 * police agency carries its referrals' events, but its dispatch system, which may read incidents and not
 * referrals, hears only of incidents.
 */
public final class EventReaders {

    /** Each kind of aggregate the outbox writes events about, and what a reader must be allowed to read. */
    static final Map<String, Capability> READ_BY = Map.ofEntries(
            Map.entry("incident", Capability.READ_INCIDENTS),
            Map.entry("case", Capability.READ_CASES),
            Map.entry("referral", Capability.READ_REFERRALS),
            Map.entry("consent", Capability.READ_REFERRALS),
            Map.entry("protective-order", Capability.READ_PROTECTIVE_ORDERS),
            Map.entry("audit", Capability.READ_AUDIT),
            Map.entry("conference", Capability.HEAR_CONFERENCE_CASES),
            Map.entry("action", Capability.HEAR_CONFERENCE_CASES),
            Map.entry("child-notice", Capability.READ_CHILD_NOTICES),
            Map.entry("emergency-access", Capability.READ_EMERGENCY_ACCESS));

    private EventReaders() {}

    public static Set<String> aggregatesReadableBy(Caller caller) {
        Set<String> readable = new TreeSet<>();
        READ_BY.forEach((aggregate, capability) -> {
            if (AccessRules.may(caller, capability)) {
                readable.add(aggregate);
            }
        });
        return readable;
    }
}
