package kz.qorgau.safecontact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.qorgau.safecontact.SafeContactDtos.StoredRules;
import org.junit.jupiter.api.Test;

class SafeContactRulesTest {

    static StoredRules rules(String safeWord, List<String> mustNotKnow, ContactLanguage language, String notes) {
        return new StoredRules(List.of(), safeWord, mustNotKnow, language, null, notes);
    }

    static final StoredRules LEADS =
            rules("Sunflower", List.of("Marat Akhmetov"), ContactLanguage.RUSSIAN, "Never leave a voicemail");

    @Test
    void anotherAgencyAddsButNeverRewrites() {
        assertTrue(SafeContactRules.tightens(
                LEADS,
                rules(
                        "Sunflower",
                        List.of("Marat Akhmetov", "His mother"),
                        ContactLanguage.RUSSIAN,
                        "Never leave a voicemail. She changed her number on 2 December"),
                false));
        assertTrue(SafeContactRules.tightens(
                rules(null, List.of(), ContactLanguage.KAZAKH, null),
                rules("Tulip", List.of(), ContactLanguage.KAZAKH, "Call from a withheld number"),
                false));
        assertFalse(SafeContactRules.tightens(LEADS, LEADS, true), "a channel loosened");
        assertFalse(SafeContactRules.tightens(
                LEADS,
                rules("Tulip", List.of("Marat Akhmetov"), ContactLanguage.RUSSIAN, "Never leave a voicemail"),
                false));
        assertFalse(SafeContactRules.tightens(
                LEADS,
                rules("Sunflower", List.of("Marat Akhmetov"), ContactLanguage.RUSSIAN, "Voicemail is fine"),
                false));
        assertFalse(SafeContactRules.tightens(
                LEADS,
                rules("Sunflower", List.of("Marat Akhmetov"), ContactLanguage.KAZAKH, "Never leave a voicemail"),
                false));
        assertFalse(SafeContactRules.tightens(
                LEADS, rules("Sunflower", List.of(), ContactLanguage.RUSSIAN, "Never leave a voicemail"), false));
    }
}
