package kz.qorgau.safecontact;

import kz.qorgau.safecontact.SafeContactDtos.StoredRules;

/**
 * What an agency on her case other than her lead may change in her safe-contact rules: it may only make them
 * stricter. Her lead agency knows her and records them as she says; a careless or hostile partner must not be able
 * to give itself her phone by declaring a channel safe, nor to erase her safe word or the lead's instructions.
 */
final class SafeContactRules {

    private SafeContactRules() {}

    /**
     * @param channelsLoosened whether the new channels allow a contact the old ones did not ({@link
     *     ContactRules#loosens})
     */
    static boolean tightens(StoredRules before, StoredRules after, boolean channelsLoosened) {
        if (channelsLoosened) {
            return false;
        }
        if (!after.mustNotKnow().containsAll(before.mustNotKnow())) {
            return false;
        }
        // A safe word is given where there was none, never replaced or dropped.
        if (before.safeWord() != null && !before.safeWord().equals(after.safeWord())) {
            return false;
        }
        // The notes are added to, never rewritten.
        if (before.notes() != null && (after.notes() == null || !after.notes().startsWith(before.notes()))) {
            return false;
        }
        return before.language() == after.language()
                && java.util.Objects.equals(before.languageOther(), after.languageOther());
    }
}
