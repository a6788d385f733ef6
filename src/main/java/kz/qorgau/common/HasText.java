package kz.qorgau.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like NotBlank, but blank as a reader sees it ({@link Text#blank}): no-break, zero-width and other invisible
 * characters alone are not text. Null is valid; add NotNull where the value is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HasText.Validator.class)
public @interface HasText {

    String message() default "must contain visible text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<HasText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !Text.blank(value);
        }
    }
}
