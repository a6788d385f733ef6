package kz.qorgau.external;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TransientDatabaseFailure;
import kz.qorgau.external.ExternalLinkRules.LinkState;
import kz.qorgau.external.ExternalLinks.Opened;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralAction;
import kz.qorgau.referral.TransitionCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The small web page a recipient off the platform opens from its link: the code, then the referral and its answer.
 * No script, no cookie: the session the code opens travels in the page's forms, so another site cannot act for the
 * recipient, and the page's Content-Security-Policy loads nothing but its own stylesheet.
 */
@Path("/r")
@PermitAll
public class ExternalPageResource {

    private static final MediaType HTML = new MediaType("text", "html", "UTF-8");

    @Inject
    ExternalLinks links;

    @Inject
    ExternalPages pages;

    @Inject
    kz.qorgau.common.Pages templates;

    @GET
    @Path("/page.css")
    @Produces("text/css")
    @Operation(hidden = true)
    public Response css() throws IOException {
        try (InputStream css = getClass().getResourceAsStream("/external/page.css")) {
            return Response.ok(new String(css.readAllBytes(), StandardCharsets.UTF_8))
                    .type("text/css; charset=UTF-8")
                    .build();
        }
    }

    @GET
    @Path("/{tenant}/{token}")
    @Operation(hidden = true)
    public Response open(
            @RestPath String tenant,
            @RestPath String token,
            @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        PageTexts t = PageTexts.chosen(lang, acceptLanguage);
        Opened opened = links.open(tenant, token);
        if (opened.state() == LinkState.AWAITING_CODE) {
            return html(200, codePage(t, null));
        }
        return gonePage(t, opened);
    }

    @POST
    @Path("/{tenant}/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response code(
            @RestPath String tenant,
            @RestPath String token,
            @RestForm("code") String typed,
            @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        PageTexts t = PageTexts.chosen(lang, acceptLanguage);
        ExternalLinks.CodeResult result = links.enterCode(tenant, token, typed);
        if (result.session() != null) {
            return referralPage(200, t, tenant, token, result.session(), result.link(), null, null);
        }
        if (result.link().state() == LinkState.AWAITING_CODE) {
            return html(400, codePage(t, result.link().attemptsLeft()));
        }
        return gonePage(t, result.link());
    }

    @POST
    @Path("/{tenant}/{token}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response act(
            @RestPath String tenant,
            @RestPath String token,
            @RestForm String session,
            @RestForm String action,
            @RestForm String version,
            @RestForm String reasonCode,
            @RestForm String note,
            @RestForm String lang) {
        PageTexts t = PageTexts.of(lang);
        ReferralAction chosen = parse(ReferralAction.class, action);
        long seen;
        try {
            seen = Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException malformed) {
            seen = -1;
        }
        Opened opened = links.resume(tenant, token, session);
        if (opened.state() != LinkState.IN_SESSION) {
            return gonePage(t, opened);
        }
        if (chosen == null || !ExternalLinkRules.PAGE_ACTIONS.contains(chosen) || seen < 0) {
            return referralPage(400, t, tenant, token, session, opened, "error.action", "error");
        }
        if (note != null && (note.length() > 2000 || kz.qorgau.common.Text.hasInvisible(note))) {
            // The limits of the API's own notes: 2,000 characters, no control or direction characters.
            return referralPage(400, t, tenant, token, session, opened, "error.input", "error");
        }
        TransitionCommand command = new TransitionCommand(
                chosen,
                parse(DeclineReason.class, reasonCode),
                note == null || note.isBlank() ? null : note.strip(),
                null,
                null,
                null,
                null,
                null);
        try {
            Opened after = links.act(tenant, token, session, command, seen);
            if (after.state() != LinkState.IN_SESSION && after.state() != LinkState.SPENT) {
                return gonePage(t, after);
            }
            return referralPage(200, t, tenant, token, session, after, "done." + chosen, "done");
        } catch (ProblemException.InvalidInput invalid) {
            return referralPage(400, t, tenant, token, session, opened, "error.input", "error");
        } catch (ProblemException refused) {
            // The state moved on (409) or the page was stale (412): show where the referral stands now.
            return referralPage(refused.status(), t, tenant, token, session, opened, "error.changed", "error");
        }
    }

    private Response referralPage(
            int status,
            PageTexts t,
            String tenant,
            String token,
            String session,
            Opened opened,
            String message,
            String messageClass) {
        ExternalPages.ReceiverPage page = pages.page(opened.referralId());
        boolean spent = opened.state() == LinkState.SPENT;
        TemplateInstance view = templates
                .template("external/referral")
                .data("t", t.all())
                .data("lang", t.lang())
                .data("page", spent ? withoutActions(page) : page)
                .data("session", session)
                .data("actionUrl", "/r/" + tenant + "/" + token + "/actions")
                .data("message", message)
                .data("messageClass", messageClass);
        return html(status, view);
    }

    private static ExternalPages.ReceiverPage withoutActions(ExternalPages.ReceiverPage page) {
        return new ExternalPages.ReceiverPage(
                page.version(),
                page.senderName(),
                page.senderPhone(),
                page.senderContactPoint(),
                page.stateKey(),
                page.priorityKey(),
                page.serviceKeys(),
                page.note(),
                page.nothingShown(),
                page.ended(),
                page.fullName(),
                page.birthDate(),
                page.phone(),
                page.email(),
                page.address(),
                page.riskKey(),
                page.incidentDates(),
                page.contactWithheld(),
                java.util.List.of(),
                page.declineReasons());
    }

    private TemplateInstance codePage(PageTexts t, Integer attemptsLeft) {
        return templates
                .template("external/code")
                .data("t", t.all())
                .data("lang", t.lang())
                .data("languages", PageTexts.languages())
                .data("wrongCode", attemptsLeft == null ? null : t.format("code.wrong", attemptsLeft));
    }

    /** A link that is not, or no longer, live: a page that says so and nothing else. */
    private Response gonePage(PageTexts t, Opened opened) {
        if (!opened.known()) {
            return html(404, goneView(t, "gone.unknown"));
        }
        String key = switch (opened.state()) {
            case EXPIRED -> "gone.expired";
            case REVOKED -> "gone.revoked";
            case LOCKED -> "gone.locked";
            case SPENT -> "gone.spent";
            case USED, IN_SESSION, AWAITING_CODE -> "gone.used";
        };
        return html(410, goneView(t, key));
    }

    private TemplateInstance goneView(PageTexts t, String messageKey) {
        return templates
                .template("external/gone")
                .data("t", t.all())
                .data("lang", t.lang())
                .data("messageKey", messageKey);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(HTML).entity(page.render()).build();
    }

    /**
     * A form body the page cannot read: not url-encoded text (a stray %ZZ), or more fields than any of its forms has. The
     * page says it could not read it. A database away or a referral held by another operation past the lock timeout:
     * the page says to try again, with Retry-After, as the API answers 503 (a page answered "Internal Server Error" to
     * both). Anything else thrown here is a fault, and stays one.
     */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response unreadable(RuntimeException refused) {
        String message = String.valueOf(refused.getMessage());
        if (refused instanceof IllegalArgumentException && message.startsWith("Failed to decode")
                || message.startsWith("Param limit of")) {
            return html(400, goneView(PageTexts.of("en"), "error.unreadable"));
        }
        java.util.OptionalLong retryAfter = TransientDatabaseFailure.retryAfterSeconds(refused);
        if (retryAfter.isPresent()) {
            return Response.status(503)
                    .type(HTML)
                    .header("Retry-After", retryAfter.getAsLong())
                    .entity(goneView(PageTexts.of("en"), "error.busy").render())
                    .build();
        }
        throw refused;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
