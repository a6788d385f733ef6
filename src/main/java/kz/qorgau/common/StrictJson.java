package kz.qorgau.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Bodies are read as they are written, never guessed at: a key given twice, a string where a boolean or a
 * number belongs, a number where a string or a time belongs, a fraction for a whole number, and an empty
 * string for an absent value are refused (400, naming the field) rather than converted. A partner whose
 * client sends {@code "childrenPresent": "false"} hears so, instead of having its case recorded as it did not
 * mean it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, after the modules Quarkus registers (Java time's among them), so that these readers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.setDefaultLeniency(Boolean.FALSE);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        refuse(
                mapper,
                LogicalType.Textual,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Java time's Instant reader takes a number as seconds since 1970 whatever the coercion settings say;
        // whichever module provides it, it is wrapped to take text alone.
        SimpleModule times = new SimpleModule("qorgau-strict-times");
        times.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                if (description.getBeanClass() != Instant.class) {
                    return deserializer;
                }
                return new StdDeserializer<Instant>(Instant.class) {
                    @Override
                    public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
                        if (!p.hasToken(JsonToken.VALUE_STRING)) {
                            return (Instant) context.handleUnexpectedToken(Instant.class, p);
                        }
                        return (Instant) deserializer.deserialize(p, context);
                    }
                };
            }
        });
        mapper.registerModule(times);
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        var config = mapper.coercionConfigFor(target);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
