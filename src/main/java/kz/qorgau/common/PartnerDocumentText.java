package kz.qorgau.common;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What a partner reads beside the schemas: the server to call, what each parameter means, and nothing of the
 * scan's own bookkeeping (the {@code x-smallrye-profile-*} marks that choose a document's operations).
 */
final class PartnerDocumentText {

    /** Parameters that mean the same on every operation that takes them. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry(
                    "cursor",
                    "The position to read on from: the nextCursor of the previous page, as it was given (opaque; a"
                            + " malformed one is refused with 400, and an edited one only moves where the page starts"
                            + " among what the caller may see). Leave it out for the first page"),
            Map.entry("limit", "How many items a page holds at most"),
            Map.entry(
                    "Idempotency-Key",
                    "A key the client makes up for this request (such as a UUID). Sending the same request with the"
                            + " same key again creates nothing new and answers as the first time; the same key with"
                            + " another body is refused with 422"),
            Map.entry(
                    "If-Match",
                    "The ETag of the object as the caller read it. A change made meanwhile answers 412 instead of"
                            + " being overwritten; where the operation answers 428, If-Match is required"),
            Map.entry(
                    "updatedSince",
                    "Only items changed at or after this instant (ISO-8601 with an offset), to catch up after a pause"),
            Map.entry(
                    "assignee",
                    "Only items held by this person of the caller's agency (their username), or by the caller (me)"),
            Map.entry("acceptingNow", "true: only agencies that take new referrals now"),
            Map.entry("action", "Only entries of this action"),
            Map.entry(
                    "actor",
                    "Only entries written by this person or client: the subject of their token, as an entry's actor"
                            + " and /api/v1/me give it"),
            Map.entry("after", "The position after which to read the feed: the last event's position seen"),
            Map.entry("category", "The kind of her data the document holds, which her consent must cover to read it"),
            Map.entry("direction", "INCOMING: referrals the caller's agency receives; OUTGOING: those it sends"),
            Map.entry("district", "Only agencies of this district (its name, as the directory writes it)"),
            Map.entry("emergencyException", "true: only referrals sent without her consent because of an emergency"),
            Map.entry("escalated", "true: only referrals past a deadline and escalated"),
            Map.entry("from", "The first month (or instant) the answer covers"),
            Map.entry("to", "The last month (or instant) the answer covers"),
            Map.entry("lang", "The language of the report: kk (Kazakh), ru (Russian) or en (English)"),
            Map.entry("language", "Only agencies that serve in this language (ISO 639 code, such as kk or ru)"),
            Map.entry("open", "true: only notices not yet acknowledged; false: only acknowledged ones"),
            Map.entry("priority", "Only referrals of this priority"),
            Map.entry("recordId", "Only entries about this record (a case, referral or other object's id)"),
            Map.entry("riskLevel", "Only cases whose risk level is this"),
            Map.entry("service", "Only agencies that offer this service"),
            Map.entry("state", "Only referrals in this state"),
            Map.entry(
                    "survivorName",
                    "Her name as written on the case; matched on its normalised form, never stored in the clear"),
            Map.entry("survivorPhone", "Her phone number; matched on its keyed hash"),
            Map.entry("unreviewed", "true: only uses a coordinator has not reviewed yet"),
            Map.entry("caseId", "The case's id"),
            Map.entry("agencyId", "The agency's id"),
            Map.entry("childId", "The child's id, as recorded on the case"),
            Map.entry("consentId", "The consent's id"),
            Map.entry("deliveryId", "The delivery's id"),
            Map.entry("documentId", "The document's id"),
            Map.entry("incidentId", "The incident's id"),
            Map.entry("linkId", "The link's id"),
            Map.entry("messageId", "The message's id"),
            Map.entry("noticeId", "The notice's id"),
            Map.entry("Accept-Language", "kk, ru or en (English when none matches): the language of problem details"));

    /** Parameters whose meaning depends on the operation, by operationId and name. */
    private static final Map<String, String> OWN = Map.ofEntries(
            Map.entry("listAgencies kind", "Only agencies of this kind"),
            Map.entry("attachCaseDocument kind", "What the document is"),
            Map.entry("attachReferralDocument kind", "What the document is"),
            Map.entry("searchCases status", "Only cases open, or only closed ones"),
            Map.entry("listConferenceCases status", "Only cases in this state on the series' agenda"),
            Map.entry("listWebhookDeliveries status", "Only deliveries in this state"),
            Map.entry("listAuditEntries agencyId", "Only entries of this agency's people"),
            Map.entry("listAuditEntries caseId", "Only entries about this case"),
            Map.entry("listAuditEntries from", "Only entries written at or after this instant"),
            Map.entry("listAuditEntries to", "Only entries written before this instant"));

    /** The noun a path segment names, for the id that follows it. */
    private static final Pattern SEGMENT_BEFORE_ID = Pattern.compile("/([a-z-]+)/\\{id}");

    private PartnerDocumentText() {}

    static void complete(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            // Relative to where the document is served, so Swagger UI and a client pointed at the document call
            // the stack that serves it; an absolute http URL would teach partners to call without TLS.
            openAPI.addServer(OASFactory.createServer()
                    .url("/")
                    .description("The stack that serves this document: locally the demo stack of ./mvnw -Pdemo at"
                            + " http://127.0.0.1:8080; in staging and production, the network's own https address")
                    .addExtension("x-internal", false));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            stripScanMarks(item);
            item.getOperations().values().forEach(operation -> {
                stripScanMarks(operation);
                if (operation.getRequestBody() != null) {
                    stripScanMarks(operation.getRequestBody());
                }
                if (operation.getResponses() != null) {
                    stripScanMarks(operation.getResponses());
                    operation.getResponses().getAPIResponses().values().forEach(PartnerDocumentText::stripScanMarks);
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> describe(path, operation, parameter));
                }
            });
        });
    }

    private static void describe(String path, Operation operation, Parameter parameter) {
        if (parameter.getRef() != null || parameter.getDescription() != null) {
            return;
        }
        String name = parameter.getName();
        String own = OWN.get(operation.getOperationId() + " " + name);
        if (own != null) {
            parameter.setDescription(own);
        } else if ("id".equals(name)) {
            parameter.setDescription("The " + nounBefore(path) + "'s id");
        } else if (PARAMETERS.containsKey(name)) {
            parameter.setDescription(PARAMETERS.get(name));
        }
    }

    /** "referrals" before {id} names a referral; a few plurals are not a matter of dropping the s. */
    static String nounBefore(String path) {
        Matcher matcher = SEGMENT_BEFORE_ID.matcher(path);
        String segment = "object";
        while (matcher.find()) {
            segment = matcher.group(1);
        }
        String noun = switch (segment) {
            case "agencies" -> "agency";
            case "emergency-access" -> "emergency access";
            case "conference-series" -> "conference series";
            case "child-notices" -> "notice";
            default -> segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        };
        return noun.replace('-', ' ');
    }

    private static void stripScanMarks(Extensible<?> part) {
        if (part.getExtensions() != null) {
            part.getExtensions().keySet().stream()
                    .filter(key -> key.startsWith("x-smallrye-profile-"))
                    .toList()
                    .forEach(part::removeExtension);
        }
    }
}
