package kz.qorgau.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem detail as it goes over the wire. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class ProblemDetail {

    public static final String MEDIA_TYPE = "application/problem+json";

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final List<ProblemException.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemDetail(
            String slug,
            String title,
            int status,
            String detail,
            String instance,
            List<ProblemException.FieldError> errors,
            Map<String, Object> extensions) {
        this.type = "urn:qorgau:problem:" + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** The same problem in other words (another language); its type, status and members stay. */
    public ProblemDetail withTexts(String title, String detail, List<ProblemException.FieldError> errors) {
        return new ProblemDetail(
                type.substring("urn:qorgau:problem:".length()), title, status, detail, instance, errors, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
