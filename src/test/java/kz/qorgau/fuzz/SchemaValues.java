package kz.qorgau.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for the values a partner document's JSON schema describes: {@link #valid} values the
 * schema allows, and {@link #hostile} values that break it (wrong types, nulls, empty and huge strings,
 * control and non-BMP characters, numbers at and past their limits, unknown enum values, malformed
 * formats). Schemas are read as JSON trees; a {@code $ref} is merged with its siblings.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private final JsonNode schemas;
    private final Function<String, Arbitrary<String>> idsFor;

    /** idsFor gives, for a property name, ids of objects that exist (so valid requests reach deep). */
    SchemaValues(JsonNode document, Function<String, Arbitrary<String>> idsFor) {
        this.schemas = document.path("components").path("schemas");
        this.idsFor = idsFor;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
        ObjectNode merged = resolve(schemas.path(name)).deepCopy();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("enum") ? "string" : "any";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    Arbitrary<JsonNode> valid(JsonNode raw) {
        return valid(raw, "", 0);
    }

    private Arbitrary<JsonNode> valid(JsonNode raw, String name, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        return switch (type(schema)) {
            case "integer" ->
                Arbitraries.longs()
                        .between(
                                schema.path("minimum").asLong(0),
                                Math.min(schema.path("maximum").asLong(1000), 1000))
                        .map(JSON::numberNode);
            case "number" -> Arbitraries.doubles().between(0, 1000).map(JSON::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(JSON::booleanNode);
            case "array" ->
                depth >= MAX_DEPTH
                        ? Arbitraries.just(JSON.arrayNode())
                        : valid(schema.path("items"), name, depth + 1)
                                .list()
                                .ofMinSize(schema.path("minItems").asInt(0))
                                .ofMaxSize(Math.max(
                                        schema.path("minItems").asInt(0),
                                        Math.min(3, schema.path("maxItems").asInt(3))))
                                .map(SchemaValues::arrayOf);
            case "object" -> depth >= MAX_DEPTH ? Arbitraries.just(JSON.objectNode()) : validObject(schema, depth);
            case "string" -> validString(schema, name);
            default -> Arbitraries.just(JSON.textNode("x"));
        };
    }

    private Arbitrary<JsonNode> validString(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        int max = Math.max(1, Math.min(schema.path("maxLength").asInt(40), 40));
        return switch (format) {
            case "uuid" ->
                Arbitraries.oneOf(
                                idsFor.apply(name),
                                Arbitraries.create(UUID::randomUUID).map(UUID::toString))
                        .map(JSON::textNode);
            case "date-time" ->
                Arbitraries.longs()
                        .between(0, 700L * 86400)
                        .map(ago -> JSON.textNode(Instant.parse("2026-11-01T00:00:00Z")
                                .minusSeconds(ago)
                                .toString()));
            case "date" ->
                Arbitraries.integers()
                        .between(-800, 800)
                        .map(days -> JSON.textNode(
                                LocalDate.parse("2026-11-01").plusDays(days).toString()));
            case "email" ->
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(12)
                        .map(local -> JSON.textNode(local + "@centre.kz"));
            case "uri" ->
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(12)
                        .map(host -> JSON.textNode("https://" + host.toLowerCase() + ".example/hook"));
            default ->
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars(' ', '-', '\'')
                        .ofMinLength(Math.max(1, schema.path("minLength").asInt(1)))
                        .ofMaxLength(max)
                        .filter(s -> !s.isBlank())
                        .map(JSON::textNode);
        };
    }

    private Arbitrary<JsonNode> validObject(JsonNode schema, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Arbitrary<Map.Entry<String, JsonNode>>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            Arbitrary<Map.Entry<String, JsonNode>> value =
                    valid(property.getValue(), property.getKey(), depth + 1).map(v -> Map.entry(property.getKey(), v));
            fields.add(required.contains(property.getKey()) ? value : value.injectNull(0.4));
        }
        if (fields.isEmpty()) {
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                return Combinators.combine(
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                                valid(additional, "", depth + 1))
                        .as((k, v) -> (JsonNode) JSON.objectNode().set(k, v));
            }
            return Arbitraries.just(JSON.objectNode());
        }
        return Combinators.combine(fields).as(entries -> {
            ObjectNode object = JSON.objectNode();
            entries.stream().filter(e -> e != null).forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        });
    }

    /** A value that breaks the schema, or sits on and past its edges. */
    Arbitrary<JsonNode> hostile(JsonNode raw) {
        JsonNode schema = resolve(raw);
        List<Arbitrary<JsonNode>> choices = new ArrayList<>(List.of(
                Arbitraries.just(JSON.nullNode()),
                hostileStrings(schema.path("maxLength").asInt(4000)),
                Arbitraries.of(
                        JSON.numberNode(-1),
                        JSON.numberNode(new BigInteger("9223372036854775808")),
                        JSON.numberNode(new BigDecimal("1e400")),
                        JSON.numberNode(0.5),
                        JSON.booleanNode(true),
                        JSON.objectNode(),
                        JSON.arrayNode())));
        switch (type(schema)) {
            case "integer", "number" -> {
                long min = schema.path("minimum").asLong(Long.MIN_VALUE);
                long max = schema.path("maximum").asLong(Long.MAX_VALUE);
                choices.add(Arbitraries.of(
                        JSON.numberNode(BigInteger.valueOf(min).subtract(BigInteger.ONE)),
                        JSON.numberNode(BigInteger.valueOf(max).add(BigInteger.ONE)),
                        JSON.numberNode(min),
                        JSON.numberNode(max),
                        JSON.textNode("12"),
                        JSON.textNode("ten")));
            }
            case "array" -> {
                int maxItems = schema.path("maxItems").asInt(100);
                choices.add(valid(schema.path("items"))
                        .list()
                        .ofSize(Math.min(maxItems + 1, 1000))
                        .map(SchemaValues::arrayOf));
                choices.add(hostile(schema.path("items"))
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(SchemaValues::arrayOf));
            }
            case "object" ->
                choices.add(Arbitraries.of(JSON.textNode("{}"), JSON.arrayNode().add(1)));
            default -> {
                if (schema.has("enum")) {
                    choices.add(Arbitraries.of("NOT_A_VALUE", "", "accepted", "ACCEPTED ", "ACCEPTED\u0000")
                            .map(JSON::textNode));
                }
                choices.add(Arbitraries.of(
                                "not-a-uuid",
                                "0192a000-0000-7000-8000",
                                "2026-13-45",
                                "2026-02-30",
                                "yesterday",
                                "0000-00-00T00:00:00Z",
                                "+999999999-12-31T23:59:59Z",
                                "2026-11-25T25:61:00Z",
                                "ffffffff-ffff-ffff-ffff-fffffffffffffff")
                        .map(JSON::textNode));
            }
        }
        return Arbitraries.oneOf(choices);
    }

    /**
     * Values the schema refuses by their JSON type or their bounds, never by their content: a number or a
     * boolean for a string, a string for a number or a boolean, a fraction for an integer, a value outside
     * an enum, a string over its length, an array past its size. The service must answer each with a 4xx.
     */
    Arbitrary<JsonNode> typeViolating(JsonNode raw) {
        JsonNode schema = resolve(raw);
        List<JsonNode> values =
                new ArrayList<>(List.of(JSON.objectNode(), JSON.arrayNode().add(1)));
        switch (type(schema)) {
            case "integer" -> {
                values.addAll(List.of(JSON.textNode("12"), JSON.numberNode(1.5), JSON.booleanNode(true)));
                if (schema.has("maximum")) {
                    values.add(JSON.numberNode(schema.get("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    values.add(JSON.numberNode(schema.get("minimum").asLong() - 1));
                }
            }
            case "number" -> values.addAll(List.of(JSON.textNode("12"), JSON.booleanNode(true)));
            case "boolean" -> values.addAll(List.of(JSON.textNode("true"), JSON.numberNode(1), JSON.numberNode(0)));
            case "array" -> {
                values.remove(1);
                values.add(JSON.textNode("x"));
                if (schema.has("maxItems")) {
                    int over = schema.get("maxItems").asInt() + 1;
                    ArrayNode many = JSON.arrayNode();
                    JsonNode item = valid(schema.path("items")).sample();
                    for (int i = 0; i < over; i++) {
                        many.add(item);
                    }
                    values.add(many);
                }
            }
            case "object" -> values.remove(0);
            case "string" -> {
                values.addAll(List.of(JSON.numberNode(5), JSON.booleanNode(true)));
                if (schema.has("enum")) {
                    values.add(JSON.textNode("NOT_A_VALUE"));
                }
                if (schema.has("maxLength")) {
                    values.add(JSON.textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
                }
                String format = schema.path("format").asText("");
                if (format.equals("date-time")) {
                    values.addAll(List.of(JSON.numberNode(1764700000L), JSON.textNode("2026-02-30T10:00:00Z")));
                } else if (format.equals("date")) {
                    values.addAll(List.of(JSON.numberNode(19000), JSON.textNode("2026-02-30")));
                } else if (format.equals("uuid")) {
                    values.add(JSON.textNode("not-a-uuid"));
                }
            }
            default -> values.clear();
        }
        return values.isEmpty() ? Arbitraries.just(JSON.objectNode()) : Arbitraries.of(values);
    }

    /** Strings every text field must survive. */
    static Arbitrary<JsonNode> hostileStrings(int maxLength) {
        int over = Math.min(maxLength, 100_000) + 1;
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "",
                                " ",
                                "\t\n",
                                "\u0000",
                                "nul\u0000byte",
                                "\u0007\u001b[31mred",
                                "\u202eevil",
                                "😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈",
                                "Ақмола Қазақстан",
                                "' OR '1'='1",
                                "%00%2e%2e%2f",
                                "${jndi:ldap://x}",
                                "<script>alert(1)</script>",
                                "\\u0000",
                                "\"quoted\"",
                                "a\u0301\u0301\u0301",
                                "\ud800\udc00"),
                        Arbitraries.just("x".repeat(over)),
                        Arbitraries.just("😀".repeat(over)),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200))
                .map(JSON::textNode);
    }

    static ArrayNode arrayOf(List<JsonNode> items) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
