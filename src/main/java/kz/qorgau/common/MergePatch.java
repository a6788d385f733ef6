package kz.qorgau.common;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The members of a JSON merge patch (RFC 7396), each absent, null (remove) or a value. */
public final class MergePatch {

    private MergePatch() {}

    /** One member as the patch gave it: {@code named} says whether the patch mentioned it at all. */
    public record Member<T>(String field, boolean named, T value) {

        /** For a member that can be removed: {@code apply} gets null to remove, the value to set. */
        public void ifNamed(Consumer<T> apply) {
            if (named) {
                apply.accept(value);
            }
        }

        /** For a member that cannot be removed: its new value, if any; a null is a field error, never ignored. */
        public Optional<T> kept() {
            if (named && value == null) {
                throw new ProblemException.InvalidInput(field, "cannot be removed");
            }
            return Optional.ofNullable(value);
        }
    }

    public static <T> Member<T> member(Set<String> named, String field, T value) {
        return new Member<>(field, named.contains(field), value);
    }
}
