package kz.qorgau.matching;

import java.time.LocalDate;
import java.util.Optional;
import kz.qorgau.privacy.BlindIndex;

/**
 * A person's match tokens in one network: by IIN where it is known, by name and birth date otherwise (or as well).
 * Two people match when their IIN tokens are equal, or their name tokens are equal and they do not both carry
 * different IINs.
 *
 * @param iin null when no IIN was given
 * @param nameBirth null without a birth date or a name of two words
 */
public record PersonTokens(byte[] iin, byte[] nameBirth) {

    public static final PersonTokens NONE = new PersonTokens(null, null);

    /** No one alive was born before this: an earlier birth date is a mistake. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public static PersonTokens of(BlindIndex index, String tenantId, String iin, String fullName, LocalDate birthDate) {
        byte[] byIin = iin == null ? null : index.ofKey(tenantId, "iin", iin);
        byte[] byName = birthDate == null
                ? null
                : NameKey.of(fullName)
                        .map(key -> index.ofKey(tenantId, "name-birth", key + "\0" + birthDate))
                        .orElse(null);
        return new PersonTokens(byIin, byName);
    }

    public boolean isEmpty() {
        return iin == null && nameBirth == null;
    }

    /** What is wrong with an IIN given with a birth date, for a field error. */
    public static Optional<String> problemOf(String iin, LocalDate birthDate) {
        if (iin == null) {
            return Optional.empty();
        }
        Optional<String> shape = Iin.problem(iin);
        if (shape.isPresent()) {
            return shape;
        }
        LocalDate carried = Iin.birthDate(iin).orElseThrow();
        if (carried.isAfter(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))) {
            return Optional.of("carries a birth date in the future");
        }
        if (birthDate != null && !carried.equals(birthDate)) {
            return Optional.of("carries the birth date " + Iin.birthDate(iin).orElseThrow() + ", not " + birthDate);
        }
        return Optional.empty();
    }
}
