package kz.qorgau.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An operation as the committed partner documents describe it: its parameters, its request body's media
 * types and schema, and the statuses it may answer. An operation found in several documents is one
 * operation (each document is a projection of the same API); it remembers which documents hold it.
 */
record DocumentedOperation(
        String id,
        String method,
        String path,
        List<JsonNode> parameters,
        Map<String, JsonNode> bodyTypes,
        boolean bodyRequired,
        Set<String> statuses,
        Set<String> documents,
        JsonNode document) {

    static final List<String> DOCUMENTS =
            List.of("police-dispatch", "police-inspector", "social-protection", "ngo-portal", "administration");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    static List<DocumentedOperation> load(Path directory) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, DocumentedOperation> byRoute = new LinkedHashMap<>();
        for (String name : DOCUMENTS) {
            JsonNode document = read(yaml, directory.resolve(name + ".yaml"));
            document.path("paths")
                    .fields()
                    .forEachRemaining(path -> METHODS.forEach(method -> {
                        JsonNode operation = path.getValue().get(method);
                        if (operation == null) {
                            return;
                        }
                        String route = method + " " + path.getKey();
                        DocumentedOperation known = byRoute.get(route);
                        if (known != null) {
                            known.documents().add(name);
                            return;
                        }
                        List<JsonNode> parameters = new ArrayList<>();
                        operation.path("parameters").forEach(parameters::add);
                        Map<String, JsonNode> bodyTypes = new LinkedHashMap<>();
                        operation
                                .path("requestBody")
                                .path("content")
                                .fields()
                                .forEachRemaining(media -> bodyTypes.put(
                                        media.getKey(), media.getValue().path("schema")));
                        Set<String> statuses = new LinkedHashSet<>();
                        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                        Set<String> documents = new LinkedHashSet<>(List.of(name));
                        byRoute.put(
                                route,
                                new DocumentedOperation(
                                        operation.path("operationId").asText(route),
                                        method,
                                        path.getKey(),
                                        parameters,
                                        bodyTypes,
                                        operation
                                                .path("requestBody")
                                                .path("required")
                                                .asBoolean(false),
                                        statuses,
                                        documents,
                                        document));
                    }));
        }
        return List.copyOf(byRoute.values());
    }

    private static JsonNode read(ObjectMapper yaml, Path file) {
        try {
            return yaml.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner document " + file, e);
        }
    }

    Stream<JsonNode> parametersIn(String where) {
        return parameters.stream().filter(p -> p.path("in").asText().equals(where));
    }

    boolean declares(int status) {
        return statuses.contains(Integer.toString(status)) || statuses.contains("default");
    }
}
