package kz.qorgau.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Values PostgreSQL would refuse are refused when the JSON is read, so they answer 400 naming the field
 * instead of failing in the database: text with a NUL character, and dates outside a plausible range.
 */
@Singleton
public class BoundedInput implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    /** Last, after Quarkus has registered the java.time module, so these deserializers take precedence. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("qorgau-bounded-input");
        module.addDeserializer(String.class, new NoNulString());
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT));
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        mapper.registerModule(module);
    }

    public static boolean plausible(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean plausible(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The value an {@link InvalidFormatException} carries when text is refused for what it holds. */
    public static final String UNSTORABLE_TEXT = "(text with NUL or an unpaired surrogate)";

    /**
     * Text PostgreSQL can store as it was sent: no NUL, and no half of a surrogate pair (which JSON's \\u
     * escapes can spell, and which would be stored as '?').
     */
    static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class NoNulString extends StdDeserializer<String> {

        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!storable(value)) {
                throw InvalidFormatException.from(parser, "text that cannot be stored", UNSTORABLE_TEXT, String.class);
            }
            return value;
        }
    }

    private static final java.util.regex.Pattern ISO_DATE_START =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final class Bounded<T> extends StdDeserializer<T> {
        private final JsonDeserializer<T> standard;

        Bounded(Class<T> type, JsonDeserializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Java time reads a string of digits as seconds since 1970; a date or date-time is written as one.
            if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)
                    && !ISO_DATE_START.matcher(parser.getText()).lookingAt()) {
                throw InvalidFormatException.from(parser, "not an ISO-8601 date", parser.getText(), handledType());
            }
            T value = standard.deserialize(parser, context);
            boolean plausible = value instanceof Instant instant ? plausible(instant) : plausible((LocalDate) value);
            if (!plausible) {
                throw InvalidFormatException.from(parser, "date out of range", value.toString(), handledType());
            }
            return value;
        }
    }
}
