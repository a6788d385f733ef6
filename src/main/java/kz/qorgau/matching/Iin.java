package kz.qorgau.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Kazakhstan's individual identification number: twelve digits, the first six the birth date (YYMMDD), the seventh
 * the century and sex (1-2: 1800s, 3-4: 1900s, 5-6: 2000s; odd for men), four serial digits and a check digit. It
 * identifies a person exactly, so where it is known it decides a match on its own.
 */
public final class Iin {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iin() {}

    /** What is wrong with the value as an IIN, or empty if it is one. */
    public static Optional<String> problem(String iin) {
        if (iin == null || !iin.matches("[0-9]{12}")) {
            return Optional.of("must be twelve digits");
        }
        if (birthDate(iin).isEmpty()) {
            return Optional.of("does not begin with a birth date and a century digit of 1 to 6");
        }
        int[] digits = iin.chars().map(c -> c - '0').toArray();
        int check = weighted(digits, FIRST_WEIGHTS);
        if (check == 10) {
            check = weighted(digits, SECOND_WEIGHTS);
        }
        // A number whose second sum is also 10 is never issued.
        if (check == 10 || check != digits[11]) {
            return Optional.of("fails its check digit");
        }
        return Optional.empty();
    }

    /** The birth date the number carries, if its first seven digits make one. */
    public static Optional<LocalDate> birthDate(String iin) {
        int centuryDigit = iin.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Optional.empty();
        }
        int century = 1800 + 100 * ((centuryDigit - 1) / 2);
        try {
            return Optional.of(LocalDate.of(
                    century + Integer.parseInt(iin.substring(0, 2)),
                    Integer.parseInt(iin.substring(2, 4)),
                    Integer.parseInt(iin.substring(4, 6))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static int weighted(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11;
    }
}
