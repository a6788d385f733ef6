package kz.qorgau.caseaccess;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The facts of her safe-contact rules that decide whether her contact data goes to an agency, for each case: kept
 * by the safe-contact capability, asked here so that every answer showing her data obeys them.
 */
public interface ContactRelease {

    /**
     * For each of these cases that has rules, where they stand for the agency; a case without rules is absent.
     * One query however many cases.
     */
    Map<UUID, ContactRulesStanding> standingOf(Collection<UUID> caseIds, UUID agency);

    /**
     * @param acknowledged whether the agency acknowledged the current version
     * @param phoneSafe whether a call, a text or a messenger is safe at some time
     * @param addressSafe whether a home visit or a letter is safe at some time
     * @param emailSafe whether an e-mail is safe at some time
     */
    record ContactRulesStanding(
            int version, boolean acknowledged, boolean phoneSafe, boolean addressSafe, boolean emailSafe) {}
}
