package kz.qorgau.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IIN's structure and check digit, without a server. */
class IinTest {

    @Test
    void aWomanBornOnTheSecondOfApril1991() {
        assertEquals(Optional.empty(), Iin.problem("910402400011"));
        assertEquals(Optional.of(LocalDate.of(1991, 4, 2)), Iin.birthDate("910402400011"));
    }

    @Test
    void theCenturyDigitSaysWhichCentury() {
        assertEquals(Optional.of(LocalDate.of(2000, 1, 1)), Iin.birthDate("000101500011"));
        assertEquals(Optional.of(LocalDate.of(1885, 1, 1)), Iin.birthDate("850101100011"));
    }

    @Test
    void aFirstSumOfTenIsCheckedWithTheSecondWeights() {
        assertEquals(Optional.empty(), Iin.problem("910402400211"));
        assertEquals(Optional.of("fails its check digit"), Iin.problem("910402400210"));
    }

    @Test
    void aNumberWhoseSecondSumIsAlsoTenIsNeverIssued() {
        assertEquals(Optional.of("fails its check digit"), Iin.problem("910402400200"));
    }

    @Test
    void aWrongDigitIsCaught() {
        assertEquals(Optional.of("fails its check digit"), Iin.problem("910402400012"));
    }

    @Test
    void impossibleDatesAndCenturiesAndShapesAreRefused() {
        assertEquals(Optional.of("must be twelve digits"), Iin.problem("91040240001"));
        assertEquals(Optional.of("must be twelve digits"), Iin.problem("91040240001a"));
        assertEquals(Optional.of("must be twelve digits"), Iin.problem("９１０４０２４０００１１"));
        assertEquals(
                Optional.of("does not begin with a birth date and a century digit of 1 to 6"),
                Iin.problem("910231400011"));
        assertEquals(
                Optional.of("does not begin with a birth date and a century digit of 1 to 6"),
                Iin.problem("910402700011"));
    }
}
