package kz.qorgau.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import kz.qorgau.common.ProblemException.FieldError;

/**
 * Open Referral's own JSON schemas (HSDS 3.0, kept unmodified under {@code hsds/} with their source and licence),
 * read once: the compiled {@code organization} and the API's {@code Page} envelope. A violation becomes a field error
 * named by its JSON pointer, in words of our catalogue (so it can be answered in Kazakh and Russian) rather than the
 * validator's.
 */
public final class HsdsSchema {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema ORGANIZATION = load("classpath:hsds/organization.json");
    private static final Schema PAGE = load("classpath:hsds/openapi.json#/components/schemas/Page");

    private HsdsSchema() {}

    private static Schema load(String location) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(location));
        schema.initializeValidators();
        return schema;
    }

    /** What is wrong with an organization, each under {@code at} + its pointer; none when it is valid HSDS. */
    public static List<FieldError> organization(JsonNode organization, String at) {
        return errors(ORGANIZATION, organization, at);
    }

    /** What is wrong with the page envelope's own members (total_items, first_page ...). */
    public static List<FieldError> page(JsonNode page) {
        return errors(PAGE, page, "");
    }

    private static List<FieldError> errors(Schema schema, JsonNode node, String at) {
        List<FieldError> errors = new ArrayList<>();
        for (Error error :
                schema.validate(node, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
            String where = at + error.getInstanceLocation().toString();
            String keyword = String.valueOf(error.getKeyword());
            errors.add(
                    switch (keyword) {
                        case "required" -> new FieldError(where + "/" + error.getProperty(), "is required by HSDS 3.0");
                        case "type" ->
                            new FieldError(
                                    where,
                                    "must be of JSON type "
                                            + keywordValue(error).asText());
                        case "enum" -> new FieldError(where, "must be one of " + enumeration(keywordValue(error)));
                        case "format" ->
                            new FieldError(
                                    where,
                                    "must be a valid " + keywordValue(error).asText());
                        default -> new FieldError(where, "does not conform to HSDS 3.0 (" + keyword + ")");
                    });
            if (errors.size() == 100) {
                break;
            }
        }
        return errors;
    }

    /** The keyword's value in the schema (the validator gives the keyword's node, or the schema that holds it). */
    private static JsonNode keywordValue(Error error) {
        JsonNode node = error.getSchemaNode();
        return node != null && node.isObject() && node.has(error.getKeyword()) ? node.get(error.getKeyword()) : node;
    }

    private static String enumeration(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.asText()));
        return String.join(", ", names);
    }
}
