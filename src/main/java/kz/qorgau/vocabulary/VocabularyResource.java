package kz.qorgau.vocabulary;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Texts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/vocabulary")
@Authenticated
@Tag(name = "Vocabulary")
public class VocabularyResource {

    /** The labels of the code lists, as the answer's body. */
    @Schema(name = "Vocabulary", description = "The labels of every code list the partner documents use")
    public record VocabularyView(
            @Schema(
                    description = "The language of the labels: kk, ru or en",
                    enumeration = {"kk", "ru", "en"})
            String language,

            @Schema(
                    description = "Changes whenever a label in any language changes; the ETag carries it too",
                    maxLength = 16)
            String version,

            @Schema(
                    description = "Each code list by the name its schema has in the documents (ReferralState,"
                            + " DeclineReason ...): each code with its label",
                    maxProperties = 100)
            Map<String, Map<String, String>> lists) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_DISPATCH, value = "")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.SCHOOLS, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getVocabulary",
            summary = "The labels of every code the API uses, in Kazakh, Russian or English",
            description = "What a portal shows its staff for each code (states, actions, decline reasons, outcomes,"
                    + " services, agency kinds, categories ...), in the language Accept-Language asks for (English"
                    + " when none of kk, ru, en matches). Codes themselves never change with the language. Cache the"
                    + " answer: send its ETag back in If-None-Match and a 304 says it is still current; version"
                    + " changes whenever any label does.")
    @APIResponse(
            responseCode = "200",
            description = "The labels; ETag and version name this version of them",
            headers = {
                @Header(
                        name = "ETag",
                        description = "The vocabulary's version and language",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
                @Header(
                        name = "Content-Language",
                        description = "The labels' language",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        enumeration = {"kk", "ru", "en"}))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VocabularyView.class)))
    @APIResponse(responseCode = "304", description = "The vocabulary is the one If-None-Match names")
    public Response get(
            @Parameter(description = "kk, ru or en (English when none matches), with q-values as HTTP allows")
                    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Size(max = 500)
                    String acceptLanguage,
            @Parameter(description = "The ETag of the vocabulary the portal holds")
                    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    @Size(max = 200)
                    String ifNoneMatch) {
        String lang = Texts.chosen(null, acceptLanguage);
        Vocabulary.Labels labels = Vocabulary.in(lang);
        EntityTag tag = new EntityTag(labels.version() + "-" + lang);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        Response.ResponseBuilder answer = holds(ifNoneMatch, tag)
                ? Response.notModified(tag)
                : Response.ok(new VocabularyView(labels.language(), labels.version(), labels.lists()))
                        .tag(tag);
        return answer.cacheControl(cache)
                .header(HttpHeaders.CONTENT_LANGUAGE, lang)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    /** If-None-Match as RFC 9110 reads it: *, or a list of tags compared weakly. */
    static boolean holds(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String named = candidate.strip();
            if (named.equals("*") || named.replaceFirst("^W/", "").equals(tag.toString())) {
                return true;
            }
        }
        return false;
    }
}
