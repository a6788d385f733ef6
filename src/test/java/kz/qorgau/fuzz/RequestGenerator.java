package kz.qorgau.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Builds, for one documented operation, the jqwik arbitrary of the requests the suite sends: requests the
 * document allows, and each kind of hostile request (a field of the body broken, a required field missing,
 * an unknown field, malformed JSON, a wrong media type, an oversize body, a broken path id, query value,
 * cursor or header, a repeated query parameter), each sent with the token of any role.
 */
final class RequestGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int OVERSIZE_BYTES = 300_000;

    /** The mutations a correct service refuses whatever the caller may do: the fuzz test demands a 4xx. */
    static final String TYPE_VIOLATING = "type-violating body field";

    static final java.util.Set<String> REFUSED = java.util.Set.of(
            TYPE_VIOLATING,
            "required field missing",
            "unknown field",
            "malformed JSON",
            "wrong media type",
            "oversize body");

    /** What a test supplies: ids of objects that exist, ETags, and tokens by caller name. */
    interface World {
        Arbitrary<String> idFor(String path, String parameter);

        Arbitrary<String> idsFor(String property);

        String ifMatchFor(String path);

        Map<String, String> tokens();
    }

    private final DocumentedOperation operation;
    private final World world;
    private final SchemaValues values;

    RequestGenerator(DocumentedOperation operation, World world) {
        this.operation = operation;
        this.world = world;
        this.values = new SchemaValues(operation.document(), world::idsFor);
    }

    Arbitrary<FuzzRequest> requests() {
        List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> kinds = new ArrayList<>();
        kinds.add(Tuple.of(3, request("as documented", validPath(), validQuery(), validHeaders(), validBody())));
        if (operation.parametersIn("path").findAny().isPresent()) {
            kinds.add(
                    Tuple.of(2, request("hostile path id", hostilePath(), validQuery(), validHeaders(), validBody())));
        }
        if (operation.parametersIn("query").findAny().isPresent()) {
            kinds.add(Tuple.of(
                    3, request("hostile query value", validPath(), hostileQuery(), validHeaders(), validBody())));
            kinds.add(Tuple.of(
                    1, request("repeated query parameter", validPath(), repeatedQuery(), validHeaders(), validBody())));
        }
        if (operation.parametersIn("header").findAny().isPresent()) {
            kinds.add(Tuple.of(2, request("hostile header", validPath(), validQuery(), hostileHeaders(), validBody())));
        }
        if (!operation.bodyTypes().isEmpty()) {
            kinds.add(Tuple.of(
                    4,
                    request("hostile body field", validPath(), validQuery(), validHeaders(), bodyWithHostileField())));
            if (!typedProperties().isEmpty()) {
                kinds.add(Tuple.of(
                        3,
                        request(
                                TYPE_VIOLATING,
                                validPath(),
                                validQuery(),
                                validHeaders(),
                                bodyWithTypeViolatingField())));
            }
            kinds.add(Tuple.of(
                    2,
                    request(
                            bodySchema().path("required").isEmpty() ? "empty body" : "required field missing",
                            validPath(),
                            validQuery(),
                            validHeaders(),
                            bodyMissingRequired())));
            kinds.add(Tuple.of(
                    1, request("unknown field", validPath(), validQuery(), validHeaders(), bodyWithUnknownField())));
            kinds.add(
                    Tuple.of(2, request("malformed JSON", validPath(), validQuery(), validHeaders(), malformedBody())));
            kinds.add(Tuple.of(
                    1, request("wrong media type", validPath(), validQuery(), validHeaders(), wrongMediaType())));
            kinds.add(Tuple.of(1, request("oversize body", validPath(), validQuery(), validHeaders(), oversizeBody())));
        }
        return Arbitraries.frequencyOf(kinds);
    }

    private record Body(String contentType, String text) {}

    private Arbitrary<FuzzRequest> request(
            String mutation,
            Arbitrary<Map<String, String>> path,
            Arbitrary<List<Map.Entry<String, String>>> query,
            Arbitrary<Map<String, String>> headers,
            Arbitrary<Body> body) {
        Arbitrary<String> caller = Arbitraries.of(List.copyOf(world.tokens().keySet()));
        return Combinators.combine(path, query, headers, body, caller)
                .as((p, q, h, b, c) -> new FuzzRequest(
                        mutation,
                        operation.method(),
                        operation.path(),
                        p,
                        q,
                        h,
                        b == null ? null : b.contentType(),
                        b == null ? null : b.text(),
                        c));
    }

    // ---- path

    private Arbitrary<Map<String, String>> validPath() {
        return pathWith(name -> world.idFor(operation.path(), name));
    }

    private Arbitrary<Map<String, String>> hostilePath() {
        List<String> names =
                operation.parametersIn("path").map(p -> p.path("name").asText()).toList();
        // An empty id is left out: it makes another path (/cases//x), which is another resource, not a bad id.
        return Arbitraries.of(names)
                .flatMap(broken -> pathWith(name -> name.equals(broken)
                        ? values.hostile(JSON.objectNode().put("type", "string").put("format", "uuid"))
                                .map(RequestGenerator::text)
                                .filter(id -> !id.isEmpty())
                        : world.idFor(operation.path(), name)));
    }

    private Arbitrary<Map<String, String>> pathWith(Function<String, Arbitrary<String>> valueOf) {
        List<String> names =
                operation.parametersIn("path").map(p -> p.path("name").asText()).toList();
        if (names.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<String>> parts = names.stream().map(valueOf).toList();
        return Combinators.combine(parts).as(chosen -> {
            Map<String, String> path = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                path.put(names.get(i), chosen.get(i));
            }
            return path;
        });
    }

    // ---- query

    private Arbitrary<List<Map.Entry<String, String>>> validQuery() {
        List<JsonNode> parameters = operation.parametersIn("query").toList();
        if (parameters.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        List<Arbitrary<Map.Entry<String, String>>> pairs = parameters.stream()
                .map(p -> values.valid(p.path("schema"))
                        .map(v -> Map.entry(p.path("name").asText(), text(v)))
                        .injectNull(0.5))
                .toList();
        return Combinators.combine(pairs)
                .as(chosen -> chosen.stream().filter(e -> e != null).toList());
    }

    private Arbitrary<List<Map.Entry<String, String>>> hostileQuery() {
        List<JsonNode> parameters = operation.parametersIn("query").toList();
        return Combinators.combine(validQuery(), Arbitraries.of(parameters)).flatAs((valid, broken) -> {
            String name = broken.path("name").asText();
            Arbitrary<String> value = name.equals("cursor") || name.equals("after")
                    ? hostileCursors()
                    : values.hostile(broken.path("schema")).map(RequestGenerator::text);
            return value.map(v -> {
                List<Map.Entry<String, String>> query = new ArrayList<>(
                        valid.stream().filter(e -> !e.getKey().equals(name)).toList());
                query.add(Map.entry(name, v));
                return query;
            });
        });
    }

    private Arbitrary<List<Map.Entry<String, String>>> repeatedQuery() {
        List<JsonNode> parameters = operation.parametersIn("query").toList();
        return Arbitraries.of(parameters)
                .flatMap(repeated -> values.valid(repeated.path("schema"))
                        .list()
                        .ofSize(2)
                        .map(twice -> List.of(
                                Map.entry(repeated.path("name").asText(), text(twice.get(0))),
                                Map.entry(repeated.path("name").asText(), text(twice.get(1))))));
    }

    /** Cursors are opaque to partners, so they get forged, truncated and garbage ones. */
    private static Arbitrary<String> hostileCursors() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return Arbitraries.oneOf(
                Arbitraries.of("", "=", "AAAA", "!!!", "..", "-1", "9223372036854775808", "%00", "x".repeat(5000)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(url::encodeToString),
                Arbitraries.strings()
                        .all()
                        .ofMaxLength(40)
                        .map(s -> url.encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Arbitraries.of(
                                "a\u001fb",
                                "2026-11-25T00:00:00Z\u001fnot-a-uuid",
                                "\u001f\u001f\u001f",
                                "9999999999999\u001f" + java.util.UUID.randomUUID())
                        .map(s -> url.encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    // ---- headers

    private Arbitrary<Map<String, String>> validHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        operation.parametersIn("header").forEach(p -> {
            String name = p.path("name").asText();
            if (name.equals("If-Match")) {
                headers.put(name, world.ifMatchFor(operation.path()));
            }
        });
        if (operation
                .parametersIn("header")
                .anyMatch(p -> p.path("name").asText().equals("Idempotency-Key"))) {
            return Arbitraries.create(java.util.UUID::randomUUID).map(key -> {
                Map<String, String> withKey = new LinkedHashMap<>(headers);
                withKey.put("Idempotency-Key", key.toString());
                return withKey;
            });
        }
        return Arbitraries.just(headers);
    }

    private Arbitrary<Map<String, String>> hostileHeaders() {
        List<String> names = operation
                .parametersIn("header")
                .map(p -> p.path("name").asText())
                .toList();
        Arbitrary<String> hostile = Arbitraries.of(
                "",
                " ",
                "*",
                "W/\"1\"",
                "\"-1\"",
                "\"99999999999999999999\"",
                "\"abc\"",
                "1",
                "\"1\", \"2\"",
                "x".repeat(5000),
                "Ақмола",
                "😀",
                "\"" + "9".repeat(400) + "\"");
        return Combinators.combine(validHeaders(), Arbitraries.of(names), hostile)
                .as((valid, name, value) -> {
                    Map<String, String> headers = new LinkedHashMap<>(valid);
                    headers.put(name, value);
                    return headers;
                });
    }

    // ---- bodies

    private String mediaType() {
        return operation.bodyTypes().containsKey("application/json")
                ? "application/json"
                : operation.bodyTypes().keySet().iterator().next();
    }

    private JsonNode bodySchema() {
        return values.resolve(operation.bodyTypes().get(mediaType()));
    }

    private Arbitrary<Body> validBody() {
        if (operation.bodyTypes().isEmpty()) {
            return Arbitraries.just(null);
        }
        return values.valid(bodySchema()).map(node -> new Body(mediaType(), node.toString()));
    }

    private Arbitrary<Body> bodyWithHostileField() {
        JsonNode schema = bodySchema();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (properties.isEmpty()) {
            return values.hostile(schema).map(node -> new Body(mediaType(), node.toString()));
        }
        return Combinators.combine(values.valid(schema), Arbitraries.of(properties))
                .flatAs((valid, broken) -> values.hostile(
                                schema.path("properties").path(broken))
                        .map(value -> {
                            ObjectNode body = ((ObjectNode) valid).deepCopy();
                            body.set(broken, value);
                            return new Body(mediaType(), body.toString());
                        }));
    }

    /** The body's properties whose type the schema fixes (a free "any" property has no wrong type). */
    private List<String> typedProperties() {
        List<String> typed = new ArrayList<>();
        JsonNode schema = values.resolve(bodySchema());
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!SchemaValues.type(values.resolve(p.getValue())).equals("any")) {
                typed.add(p.getKey());
            }
        });
        return typed;
    }

    private Arbitrary<Body> bodyWithTypeViolatingField() {
        JsonNode schema = values.resolve(bodySchema());
        return Combinators.combine(values.valid(schema), Arbitraries.of(typedProperties()))
                .flatAs((valid, broken) -> values.typeViolating(
                                schema.path("properties").path(broken))
                        .map(value -> {
                            ObjectNode body = ((ObjectNode) valid).deepCopy();
                            body.set(broken, value);
                            return new Body(mediaType(), body.toString());
                        }));
    }

    private Arbitrary<Body> bodyMissingRequired() {
        JsonNode schema = bodySchema();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (required.isEmpty()) {
            return Arbitraries.just(new Body(mediaType(), "{}"));
        }
        return Combinators.combine(values.valid(schema), Arbitraries.of(required))
                .as((valid, missing) -> {
                    ObjectNode body = ((ObjectNode) valid).deepCopy();
                    body.remove(missing);
                    return new Body(mediaType(), body.toString());
                });
    }

    private Arbitrary<Body> bodyWithUnknownField() {
        return Combinators.combine(
                        values.valid(bodySchema()),
                        Arbitraries.of("unexpected", "id", "tenantId", "version", "__proto__"))
                .as((valid, extra) -> {
                    ObjectNode body = valid.isObject() ? ((ObjectNode) valid).deepCopy() : JSON.objectNode();
                    body.put(extra, "00000000-0000-0000-0000-000000000000");
                    return new Body(mediaType(), body.toString());
                });
    }

    private Arbitrary<Body> malformedBody() {
        Arbitrary<String> fixed = Arbitraries.of(
                "",
                "{",
                "}",
                "{\"a\":}",
                "[1,2",
                "nul",
                "{\"x\":1}{",
                "{'single':'quotes'}",
                "\ufeff{}",
                "\u0000",
                "{\"a\":1,\"a\":2}",
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"\\u00\"}",
                "1e999999",
                "null",
                "[]",
                "\"text\"",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        Arbitrary<String> truncated = Combinators.combine(
                        values.valid(bodySchema()), Arbitraries.integers().between(1, 1000))
                .as((valid, cut) -> {
                    String text = valid.toString();
                    return text.substring(0, Math.max(0, text.length() - Math.min(cut, text.length())));
                });
        return Arbitraries.oneOf(fixed, truncated).map(text -> new Body(mediaType(), text));
    }

    private Arbitrary<Body> wrongMediaType() {
        return Combinators.combine(
                        values.valid(bodySchema()),
                        Arbitraries.of(
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data",
                                "application/json-patch+json",
                                "application/octet-stream",
                                "*/*",
                                "application/json; charset=utf-16",
                                "garbage"))
                .as((valid, type) -> new Body(type, valid.toString()));
    }

    private Arbitrary<Body> oversizeBody() {
        return Arbitraries.of("padding", "note")
                .map(field -> new Body(mediaType(), "{\"" + field + "\":\"" + "x".repeat(OVERSIZE_BYTES) + "\"}"));
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
