package kz.qorgau.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One woman's name in the spellings police and centres write it in gives one key; another woman's does not. */
class NameKeyTest {

    private static final Optional<String> AIGERIM = Optional.of("aigerim sultanova");

    @Test
    void russianKazakhAndLatinSpellingsMatch() {
        assertEquals(AIGERIM, NameKey.of("Айгерим Султанова"));
        assertEquals(AIGERIM, NameKey.of("Әйгерім Сұлтанова"));
        assertEquals(AIGERIM, NameKey.of("Aigerim Sultanova"));
        assertEquals(AIGERIM, NameKey.of("Aygerim Sultanova"));
        assertEquals(AIGERIM, NameKey.of("Äigerim Sūltanova"));
    }

    @Test
    void orderCaseSpacingAndPatronymicDoNotMatter() {
        assertEquals(AIGERIM, NameKey.of("  SULTANOVA   aigerim "));
        assertEquals(AIGERIM, NameKey.of("Султанова Айгерим Бекболатовна"));
        assertEquals(AIGERIM, NameKey.of("Sultanova Aigerim Bekbolatovna"));
        assertEquals(AIGERIM, NameKey.of("Султанова Айгерим Бекболатқызы"));
        assertEquals(AIGERIM, NameKey.of("Sultanova Aigerim Bekbolat kyzy"));
    }

    @Test
    void aPatronymicUsedAsTheSurnameStays() {
        assertEquals(Optional.of("aigerim nurlankizi"), NameKey.of("Айгерим Нұрланқызы"));
        assertEquals(Optional.of("aigerim nurlankizi"), NameKey.of("Aigerim Nurlan qyzy"));
    }

    @Test
    void theTransliterationsThatDisagreeAreFolded() {
        assertEquals(NameKey.of("Жанар Хасенова"), NameKey.of("Zhanar Khassenova"));
        assertEquals(NameKey.of("Жанар Хасенова"), NameKey.of("Janar Hasenova"));
        assertEquals(NameKey.of("Юлия Цой"), NameKey.of("Yuliya Tsoy"));
        assertEquals(NameKey.of("Елена Ким"), NameKey.of("Yelena Kim"));
        assertEquals(NameKey.of("Дмитрий Ли"), NameKey.of("Dmitriy Li"));
        assertEquals(NameKey.of("Ксения Алексеева"), NameKey.of("Kseniya Alexeeva"));
        assertEquals(NameKey.of("Ғалия Қасымова"), NameKey.of("Ghaliya Qasymova"));
    }

    @Test
    void invisibleCharactersAndLookalikeLettersDoNotMakeAnotherName() {
        assertEquals(AIGERIM, NameKey.of("Ai\u200bgerim Sultanova"));
        assertEquals(AIGERIM, NameKey.of("\u202eAigerim Sultanova\u2060"));
        assertEquals(AIGERIM, NameKey.of("Aigerim Sultan\u03bfva"));
        assertEquals(AIGERIM, NameKey.of("Aigerim Sult\u03acnova"));
    }

    @Test
    void anotherNameIsAnotherKey() {
        assertNotEquals(AIGERIM, NameKey.of("Айгерим Султанов"));
        assertNotEquals(AIGERIM, NameKey.of("Айгуль Султанова"));
    }

    @Test
    void aSingleNameOrNoLettersGiveNoKey() {
        assertEquals(Optional.empty(), NameKey.of("Айгерим"));
        assertEquals(Optional.empty(), NameKey.of("A. S."));
        assertEquals(Optional.empty(), NameKey.of("12 34"));
        assertEquals(Optional.empty(), NameKey.of(null));
    }
}
