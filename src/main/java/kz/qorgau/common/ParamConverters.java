package kz.qorgau.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads enum, boolean, month, date-time and id parameters so that a bad value is answered with the parameter's name
 * and what it takes, rather than with JAX-RS's default 404. The name comes from the parameter's annotation, so
 * resources name such parameters explicitly ({@code @RestQuery("kind")}, {@code @RestPath("id")}).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(parameterName(annotations));
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new InstantConverter(parameterName(annotations));
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new MonthConverter(parameterName(annotations));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new IdConverter(parameterName(annotations));
        }
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("kz.qorgau")) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType, parameterName(annotations));
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            String name = "";
            if (annotation instanceof QueryParam q) {
                name = q.value();
            } else if (annotation instanceof RestQuery q) {
                name = q.value();
            } else if (annotation instanceof PathParam p) {
                name = p.value();
            } else if (annotation instanceof RestPath p) {
                name = p.value();
            } else if (annotation instanceof HeaderParam h) {
                name = h.value();
            } else if (annotation instanceof RestHeader h) {
                name = h.value();
            }
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            // Case does not matter in a query string: direction=incoming reads as INCOMING.
            return Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.name().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new ProblemException.InvalidInput(
                            name,
                            "must be one of "
                                    + Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", "))));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record InstantConverter(String name) implements ParamConverter<Instant> {

        @Override
        public Instant fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                Instant instant = OffsetDateTime.parse(value).toInstant();
                if (BoundedInput.plausible(instant)) {
                    return instant;
                }
            } catch (DateTimeParseException malformed) {
                // answered below
            }
            throw new ProblemException.InvalidInput(
                    name,
                    "must be an ISO-8601 date-time with an offset between the years " + BoundedInput.FIRST_YEAR
                            + " and " + BoundedInput.LAST_YEAR + ", such as 2026-01-31T09:00:00Z");
        }

        @Override
        public String toString(Instant value) {
            return value == null ? null : value.toString();
        }
    }

    private record MonthConverter(String name) implements ParamConverter<YearMonth> {

        @Override
        public YearMonth fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= BoundedInput.FIRST_YEAR && month.getYear() <= BoundedInput.LAST_YEAR) {
                    return month;
                }
            } catch (DateTimeParseException malformed) {
                // answered below
            }
            throw new ProblemException.InvalidInput(
                    name,
                    "must be a month as YYYY-MM between the years " + BoundedInput.FIRST_YEAR + " and "
                            + BoundedInput.LAST_YEAR + ", such as 2026-01");
        }

        @Override
        public String toString(YearMonth value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * An id as the API writes it: 8-4-4-4-12 hex digits. {@code UUID.fromString} also reads shortened groups, so that
     * {@code 1a2498a-b57-...} named the referral {@code 01a2498a-0b57-...} and {@code 0-0-0-0-0} the nil id: one
     * object under many names, which rules and logs keyed on the id as written would tell apart (the outside probe of
     * issue 26).
     */
    private record IdConverter(String name) implements ParamConverter<UUID> {

        private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        @Override
        public UUID fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!CANONICAL.matcher(value).matches()) {
                throw new ProblemException.InvalidInput(
                        name,
                        "must be an id of 8-4-4-4-12 hexadecimal digits, such as 01a2498a-0c49-7665-8024-19b2bc074f70");
            }
            return UUID.fromString(value);
        }

        @Override
        public String toString(UUID value) {
            return value == null ? null : value.toString();
        }
    }

    /** Only true and false: JAX-RS would read any other word as false without a word of warning. */
    private record BooleanConverter(String name) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw new ProblemException.InvalidInput(name, "must be true or false");
        }

        @Override
        public String toString(Boolean value) {
            return value == null ? null : value.toString();
        }
    }
}
