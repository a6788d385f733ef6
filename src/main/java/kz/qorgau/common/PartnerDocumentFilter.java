package kz.qorgau.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every document the same way, so no operation forgets it: each operation declares the problem
 * details it can answer (RFC 9457), and a document keeps only the schemas its operations use.
 *
 * <p>Runs as the application is built: what it adds and removes depends on the code alone, and a filter run at
 * start would parse and complete every document each time a replica starts (issue 26).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PartnerDocumentFilter implements OASFilter {

    private static final String PROBLEM = "ProblemDetail";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");
    private static final int MAX_TEXT = 4000;

    private static final Map<String, Map<String, Object>> EXAMPLES = loadExamples();

    /** The operations that can conflict with the current state, and what the conflict means. */
    private static final Map<String, String> CONFLICTS = Map.ofEntries(
            Map.entry(
                    "fireReferralAction",
                    "The action is not allowed now (allowedActions lists those that are), the referral was "
                            + "already redirected, no consent covers the new receiver (consent-required), it changed "
                            + "meanwhile, or a SHELTER referral is accepted while the directory counts no free place "
                            + "(no-free-place)"),
            Map.entry(
                    "createReferral",
                    "No consent covers the receiver (consent-required), the case is closed, or the receiver "
                            + "takes no new referrals"),
            Map.entry("registerAgency", "An agency of the network already has this name"),
            Map.entry(
                    "editAgency",
                    "An agency of the network already has this name, the agency changed meanwhile, or a new kind was"
                            + " asked for an agency that has sent or received referrals or led cases"
                            + " (agency-kind-fixed)"),
            Map.entry("recordProtectiveOrder", "An order with this number is already recorded"),
            Map.entry("revokeProtectiveOrder", "The order was already revoked"),
            Map.entry("publishRiskQuestionnaire", "Another version was published at the same moment"),
            Map.entry(
                    "closeCase",
                    "A referral of the case is still under way (openReferrals counts them), or it is already closed"),
            Map.entry("withdrawConsent", "The consent was already withdrawn"),
            Map.entry("subscribeWebhook", "The agency already keeps the most active subscriptions it may"),
            Map.entry("replayWebhookEvents", "The subscription is no longer active"),
            Map.entry("takeAuditCheckpoint", "The chain head does not name the last chained entry: verify the trail"),
            Map.entry(
                    "writeReferralMessage",
                    "The referral has ended (referral-ended) or is still a draft (referral-not-sent)"),
            Map.entry("retractReferralMessage", "The message was already retracted"),
            Map.entry("reassignCase", "The case is closed"),
            Map.entry(
                    "handOverWork",
                    "One of the referrals or cases changed at the same moment: nothing moved, try again"),
            Map.entry(
                    "reassignReferral",
                    "Nobody holds the referral in its state (not-assignable): before ACCEPT, or after it ended"),
            Map.entry("attachCaseDocument", "The case is closed (case-closed)"),
            Map.entry("attachReferralDocument", "The referral has ended (referral-ended)"),
            Map.entry("eraseCaseDocument", "The document was already erased (document-erased)"),
            Map.entry("eraseReferralDocument", "The document was already erased (document-erased)"),
            Map.entry("recordContactRules", "The case is closed (case-closed)"),
            Map.entry(
                    "recordChild",
                    "The case is closed (case-closed), or already has 50 children recorded (too-many-children)"),
            Map.entry(
                    "acknowledgeContactRules",
                    "The version read is no longer current (contact-rules-changed, with currentVersion)"),
            Map.entry(
                    "recordContactAttempt",
                    "The contact may not be made: no rules recorded (no-contact-rules), the caller's agency has not"
                            + " acknowledged the current version (contact-rules-not-acknowledged), the attempt is from"
                            + " before them (attempt-before-rules), the channel is unsafe (channel-unsafe), the moment is"
                            + " outside its safe days and hours (outside-safe-hours), or the case is closed"
                            + " (case-closed)"),
            Map.entry(
                    "shareReceiverAddress",
                    "The referral is not accepted and under way (referral-not-under-way), or the receiver has"
                            + " recorded no street address (no-street-address)"),
            Map.entry(
                    "stopSharingReceiverAddress",
                    "The referral is not accepted and under way (referral-not-under-way)"),
            Map.entry("recordChildPresence", "The case is closed (case-closed)"),
            Map.entry(
                    "openEmergencyAccess",
                    "The caller's agency sees the case anyway (already-on-case), its last emergency access to it still"
                            + " lasts (emergency-access-active), or her name finds several open cases (several-cases)"),
            Map.entry(
                    "readEmergencyView", "The emergency access ended, or the case was closed (emergency-access-ended)"),
            Map.entry("reviewEmergencyAccess", "The use was reviewed already (already-reviewed)"),
            Map.entry(
                    "issueExternalLink",
                    "The referral goes to an agency of the network (not-off-platform), or is not SUBMITTED or"
                            + " ACKNOWLEDGED (nothing-to-answer)"),
            Map.entry(
                    "importDirectoryFromHsds",
                    "An entry the file names changed after the file was exported (entry-changed, with agencyIds):"
                            + " export again; or another import changed the same entries at the same moment"),
            Map.entry("listExternalLinks", "The referral goes to an agency of the network (not-off-platform)"),
            Map.entry(
                    "revokeExternalLink",
                    "The recipient answered through the link (link-spent), or the referral goes to an agency of the"
                            + " network (not-off-platform)"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (String status : List.of("400", "401", "403", "404", "413", "414", "429", "500", "503")) {
            shared(responses, status);
        }
        if (String.valueOf(operation.getOperationId()).matches("attach(Case|Referral)Document")) {
            problem(
                    responses,
                    "415",
                    "The content is not a PDF, a JPEG or a PNG image, or it contradicts the Content-Type sent");
        }
        if (operation.getRequestBody() != null) {
            shared(responses, "415");
            shared(responses, "411");
        }
        String id = String.valueOf(operation.getOperationId());
        addExamples(operation, id);
        if (CONFLICTS.containsKey(id)) {
            problem(responses, "409", CONFLICTS.get(id));
        }
        if (id.equals("listEvents") || id.equals("replayWebhookEvents")) {
            problem(
                    responses,
                    "410",
                    "The position is older than the network's feed retention (events after it were removed): read "
                            + "the feed again without a cursor and resync");
        }
        if (id.equals("downloadCaseDocument") || id.equals("downloadReferralDocument")) {
            problem(
                    responses,
                    "410",
                    "The document was erased (document-erased): its record stays, its bytes are gone");
        }
        if (id.equals("fireReferralAction")
                || id.equals("reassignReferral")
                || id.equals("reassignCase")
                || id.equals("editAgency")
                || id.equals("closeCase")
                || id.equals("updateDirectoryEntry")) {
            shared(responses, "412");
        }
        if (id.equals("fireReferralAction")
                || id.equals("reassignReferral")
                || id.equals("reassignCase")
                || id.equals("closeCase")
                || id.equals("editAgency")
                || id.equals("updateDirectoryEntry")) {
            shared(responses, "428");
        }
        if (id.equals("reportIncident")) {
            problem(
                    responses,
                    "422",
                    "The Idempotency-Key or externalReference was used before with different content");
        }
        if (id.equals("createReferral")) {
            problem(
                    responses,
                    "422",
                    "The receiver does not offer a service asked for, or the Idempotency-Key was used before for "
                            + "another request; errors name them");
        }
        if (id.equals("openCase") || id.equals("attachCaseDocument") || id.equals("attachReferralDocument")) {
            problem(responses, "422", "The Idempotency-Key was used before for another request");
        }
        standardHeaders(responses);
        return operation;
    }

    /**
     * Every answer to a caller with a verified token says where its client stands against its rate limit;
     * a 429 or 503 says when to come back; a configured partner portal's page is told it may read the answer.
     */
    private static void standardHeaders(APIResponses responses) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null) {
                addStandardHeaders(status, response);
            }
        });
    }

    private static void addStandardHeaders(String status, APIResponse response) {
        response.addHeader("Access-Control-Allow-Origin", headerRef("Access-Control-Allow-Origin"));
        if (status.startsWith("2") || status.startsWith("4")) {
            for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                response.addHeader(name, headerRef(name));
            }
        }
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", headerRef("Retry-After"));
        }
        if (status.startsWith("4") || status.startsWith("5")) {
            response.addHeader("Content-Language", headerRef("Content-Language"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    /** The headers the answers share, each described once. */
    private static void addHeaders(OpenAPI openAPI) {
        openAPI.getComponents()
                .addHeader(
                        "Access-Control-Allow-Origin",
                        OASFactory.createHeader()
                                .description("The calling web page's origin, when it is one of the network's configured"
                                        + " partner portals")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .maxLength(2000)))
                .addHeader(
                        "RateLimit-Limit",
                        integerHeader("How many requests the client may send at once (its burst); on calls with a"
                                + " verified token"))
                .addHeader("RateLimit-Remaining", integerHeader("How many of them are left now"))
                .addHeader("RateLimit-Reset", integerHeader("Seconds until all of them are available again"))
                .addHeader("Retry-After", integerHeader("Seconds to wait before sending the request again"))
                .addHeader(
                        "Content-Language",
                        OASFactory.createHeader()
                                .description("The language of the problem detail's title, detail and field messages:"
                                        + " kk, ru or en, as Accept-Language chose")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .addEnumeration("kk")
                                        .addEnumeration("ru")
                                        .addEnumeration("en")));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header integerHeader(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))
                        .format("int32"));
    }

    /** One worked example per request and success response, from openapi/examples.json, keyed by operationId. */
    private static void addExamples(Operation operation, String id) {
        Map<String, Object> examples = EXAMPLES.get(id);
        if (examples == null) {
            return;
        }
        if (operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && examples.containsKey("request")) {
            operation
                    .getRequestBody()
                    .getContent()
                    .getMediaTypes()
                    .values()
                    .forEach(media -> media.setExample(examples.get("request")));
        }
        examples.forEach((status, example) -> {
            if (operation.getResponses().hasAPIResponse(status)
                    && operation.getResponses().getAPIResponse(status).getContent() != null) {
                operation
                        .getResponses()
                        .getAPIResponse(status)
                        .getContent()
                        .getMediaTypes()
                        .forEach((type, media) -> {
                            // A JSON example for a JSON answer; a binary answer (a PDF beside JSON) shows only a
                            // textual one.
                            if (type.contains("json") || example instanceof String) {
                                media.setExample(example);
                            }
                        });
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> loadExamples() {
        try (var in = PartnerDocumentFilter.class.getResourceAsStream("/openapi/examples.json")) {
            return in == null ? Map.of() : new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("openapi/examples.json is unreadable", e);
        }
    }

    /** Refers to the shared answer of this status, in place of any Quarkus added without a body (401, 403). */
    private static void shared(APIResponses responses, String status) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(
                status,
                SharedProblemResponses.reference(
                        SharedProblemResponses.of(status).orElseThrow()));
    }

    /** Adds the problem response, or gives one added without a body (Quarkus adds 401 and 403 so) its body. */
    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        ProblemDetail.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF))
                                                .example(exampleOf(status, description)))));
    }

    private static final Pattern SLUG_NAMED = Pattern.compile("\\(([a-z]+(?:-[a-z]+)+)[,)]");

    /**
     * An example of an answer whose meaning is the operation's own: its type is the first kind of problem the
     * description names, and its detail the description (the real detail says which case applies).
     */
    private static Map<String, Object> exampleOf(String status, String description) {
        Matcher named = SLUG_NAMED.matcher(description);
        String slug = named.find()
                ? named.group(1)
                : switch (status) {
                    case "409" -> "conflict";
                    case "410" -> "cursor-expired";
                    case "415" -> "unsupported-media-type";
                    default -> "unprocessable";
                };
        String title = switch (status) {
            case "409" -> "Conflict";
            case "410" -> "document-erased".equals(slug) ? "Document erased" : "Cursor expired";
            case "415" -> "Unsupported Media Type";
            default -> "Unprocessable request";
        };
        return SharedProblemResponses.example(slug, title, Integer.parseInt(status), description, null, Map.of());
    }

    /**
     * States the bounds every value has, for partners and for the OWASP lint: strings by their format, or
     * the widest text column (4,000 characters); integers are never negative in this API.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types == null || schema.getRef() != null) {
            return schema;
        }
        if (types.contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            schema.setMaxLength(
                    switch (String.valueOf(schema.getFormat())) {
                        case "uuid" -> 36;
                        case "date" -> 10;
                        case "date-time" -> 40;
                        // A document's bytes (qorgau.documents.max-bytes by default).
                        case "binary" -> 5 * 1024 * 1024;
                        default -> MAX_TEXT;
                    });
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(
                        BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        SharedProblemResponses.addTo(openAPI, PROBLEM_REF);
        addHeaders(openAPI);
        openAPI.getComponents()
                .getResponses()
                .forEach((status, response) -> addStandardHeaders(
                        SharedProblemResponses.SHARED.stream()
                                .filter(s -> s.name().equals(status))
                                .findFirst()
                                .orElseThrow()
                                .status(),
                        response));
        PartnerDocumentText.complete(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || openAPI.getPaths() == null) {
            return;
        }
        String operations = String.valueOf(openAPI.getPaths().getPathItems());
        Matcher sharedResponse =
                Pattern.compile("#/components/responses/([A-Za-z]+)").matcher(operations);
        Set<String> usedResponses = new HashSet<>();
        while (sharedResponse.find()) {
            usedResponses.add(sharedResponse.group(1));
        }
        openAPI.getComponents().getResponses().keySet().stream()
                .filter(name -> !usedResponses.contains(name))
                .toList()
                .forEach(openAPI.getComponents()::removeResponse);
        // Keep the schemas the operations reach, directly or through other schemas (the shared answers reach
        // the problem detail).
        Set<String> used = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        used.add(PROBLEM);
        collect(operations, used, todo);
        while (!todo.isEmpty()) {
            Schema schema = schemas.get(todo.pop());
            if (schema != null) {
                collect(String.valueOf(describe(schema)), used, todo);
            }
        }
        schemas.keySet().stream()
                .filter(name -> !used.contains(name))
                .toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static void collect(String text, Set<String> used, Deque<String> todo) {
        Matcher matcher = REF.matcher(text);
        while (matcher.find()) {
            if (used.add(matcher.group(1))) {
                todo.push(matcher.group(1));
            }
        }
    }

    /** The references a schema holds, found through the model's text form. */
    private static Object describe(Schema schema) {
        StringBuilder text = new StringBuilder(String.valueOf(schema.getRef()));
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> text.append(' ').append(describe(p)));
        }
        if (schema.getItems() != null) {
            text.append(' ').append(describe(schema.getItems()));
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> text.append(' ').append(describe(s)));
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(s -> text.append(' ').append(describe(s)));
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> text.append(' ').append(describe(s)));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            text.append(' ').append(describe(schema.getAdditionalPropertiesSchema()));
        }
        return text;
    }

    private static Schema problemSchema() {
        Schema text =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(500));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail. Some problems add members, such as allowedActions.")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)
                                .description("urn:qorgau:problem:<kind>, stable for a program to act on"))
                .addProperty("title", text)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(2000))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .maxItems(100)
                                .items(fieldError));
    }
}
