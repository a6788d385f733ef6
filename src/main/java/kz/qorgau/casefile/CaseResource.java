package kz.qorgau.casefile;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.CaseSummary;
import kz.qorgau.casefile.CaseDtos.CaseView;
import kz.qorgau.casefile.CaseDtos.Closure;
import kz.qorgau.casefile.CaseDtos.NewCase;
import kz.qorgau.common.Page;
import kz.qorgau.common.PartnerDocuments;
import kz.qorgau.common.Priority;
import kz.qorgau.common.Versioned;
import kz.qorgau.consent.ConsentDtos.ConsentView;
import kz.qorgau.consent.ConsentDtos.NewConsent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    TimelineService timeline;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "openCase",
            description = "Opens a case for a survivor, led by the caller's agency, linking incidents its agency "
                    + "reported. With an Idempotency-Key the case is opened once: the same request again returns it "
                    + "(200), another request under the key is refused (422). A survivor recognised (by her IIN, or"
                    + " her name and birth date) as having an open case in the network is refused with 409"
                    + " survivor-has-open-case naming that case and its lead agency; otherwise the answer says, in"
                    + " knownSurvivor, what the network already knows of her: incidents and dates, a conference.",
            summary = "Open a case for a survivor, led by the caller's agency")
    @APIResponse(
            responseCode = "201",
            description = "Opened; Location names it",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already opened under this Idempotency-Key: the case first opened, as the caller sees it now",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response open(
            @RestHeader("Idempotency-Key")
                    @Size(min = 1, max = 100)
                    @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @NotNull @Valid NewCase request,
            UriInfo uri) {
        CaseService.Opened opened = cases.open(request, java.util.Optional.ofNullable(idempotencyKey));
        if (!opened.created()) {
            return Response.fromResponse(opened.caseView().ok())
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        return opened.caseView()
                .created(Versioned.locationUnder(uri, opened.caseView().body().id()));
    }

    @GET
    @Path("/{id}")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "getCase",
            description = "A case, for the agencies on it (its lead agency and the receivers working one of its "
                    + "referrals) and coordinators. Coordinators see no personal data of the survivor.",
            summary = "Read a case: its agencies and coordinators only")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response get(@RestPath("id") UUID id) {
        Versioned<CaseView> found = cases.get(id);
        return found.ok();
    }

    @GET
    @Path("/{id}/timeline")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "getCaseTimeline",
            description = "Incidents, risk assessments, protective orders, their violations and every referral step "
                    + "of the case, in time order, a page at a time. For the lead agency and coordinators.",
            summary =
                    "The case's incidents, assessments, orders and referral steps in time order (lead agency, coordinators)")
    public Page<TimelineService.Entry> timeline(
            @RestPath("id") UUID id,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return timeline.timeline(id, cursor, limit);
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "recordConsent",
            description = "Records the survivor's consent to share named data categories with named agencies or kinds"
                    + " of agency. A referral is submitted only under a consent covering its receiver, or under "
                    + "an emergency exception. Only the case's lead agency records consent (403 for another agency on"
                    + " the case); the recording agency is never a recipient, and givenAt lies between the case's"
                    + " opening and now.",
            summary = "Record the survivor's consent to share her data with named agencies or kinds of agency")
    @APIResponse(
            responseCode = "201",
            description = "The consent as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentView.class)))
    public Response recordConsent(@RestPath("id") UUID id, @NotNull @Valid NewConsent consent) {
        ConsentView recorded = cases.recordConsent(id, consent);
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @GET
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Operation(
            operationId = "searchCases",
            description = "Without survivorName or survivorPhone: the caller's agency's caseload, the cases it leads"
                    + " and those it is a party to (a live referral it sent, or one it accepted; coordinators: the network's), in order of"
                    + " change, filtered by status, riskLevel, assignee (me or a username: the cases of the agency"
                    + " given to that person) and updatedSince, keyset-paged with cursor; ids, risk, status, holder"
                    + " and times only. With one of them: the cases whose survivor has exactly this name or"
                    + " this phone number, among the cases the caller's agency is on and whose consent lets it see"
                    + " her name (or phone): a hit tells that she is a survivor, so coordinators cannot search."
                    + " Spacing and letter case do not matter; phone numbers compare by their digits. The search runs"
                    + " on keyed hashes, so nothing is decrypted, and at most 50 cases are returned, without personal"
                    + " data.",
            summary = "The caller's agency's caseload, or the cases of a survivor found by exact name or phone")
    public Page<CaseSummary> search(
            @RestQuery @Size(max = 300) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                    String survivorName,
            @RestQuery @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()-]{5,40}$", message = "must be a phone number")
                    String survivorPhone,
            @RestQuery CaseFile.Status status,
            @RestQuery Priority riskLevel,
            @RestQuery
                    @Size(max = 255)
                    @Pattern(regexp = kz.qorgau.common.Username.OR_ME, message = "must be me or a username")
                    String assignee,
            @RestQuery Instant updatedSince,
            @RestQuery @Size(max = 512) String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (survivorName == null && survivorPhone == null) {
            return cases.caseload(status, riskLevel, assignee, updatedSince, cursor, limit);
        }
        if (status != null || riskLevel != null || assignee != null || updatedSince != null || cursor != null) {
            throw new kz.qorgau.common.ProblemException.InvalidInput(
                    survivorName != null ? "survivorName" : "survivorPhone",
                    "is a search, which takes no status, riskLevel, assignee, updatedSince or cursor");
        }
        return new Page<>(cases.search(survivorName, survivorPhone), null);
    }

    @POST
    @Path("/{id}/incidents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Operation(
            operationId = "linkCaseIncident",
            summary = "Link a later incident to an open case",
            description = "Police of an agency on the case link an incident their agency reported: a new call-out"
                    + " about her. The incidents linked within a window can propose the case to a risk conference"
                    + " (escalation), and one linked after a hearing marks it a repeat. Linking one already linked"
                    + " changes nothing.")
    public CaseDtos.LinkedIncidents linkIncident(@RestPath("id") UUID id, @NotNull @Valid CaseDtos.IncidentLink link) {
        return new CaseDtos.LinkedIncidents(cases.linkIncident(id, link.incidentId()));
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.ADMINISTRATION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "reassignCase",
            summary = "Hand a case to another person of its lead agency",
            description = "The lead agency's case workers and admin, with a reason, at the version If-Match names"
                    + " (428 without it, 412 if stale); an open case only. Every hand-over is kept with its reason and"
                    + " audited (ASSIGN).")
    @APIResponse(
            responseCode = "200",
            description = "Who holds it now; ETag carries the case's version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseDtos.AssignmentView.class)))
    public Response reassign(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CaseDtos.Assignment assignment) {
        return cases.reassign(id, assignment, Versioned.requiredVersion(ifMatch, "case"))
                .ok();
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Operation(
            operationId = "closeCase",
            description =
                    "The lead agency closes the case as read at the version If-Match names (428 without it, 412 if "
                            + "stale), once every referral of it has ended (409 otherwise). Retention anonymises a case the "
                            + "network's configured period after it closed.",
            summary = "Close a case whose referrals have all ended (lead agency)")
    @APIResponse(
            responseCode = "200",
            description = "The closed case; ETag carries its new version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response close(
            @RestPath("id") UUID id,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Closure closure) {
        return cases.close(id, Versioned.requiredVersion(ifMatch, "case"), closure.reason())
                .ok();
    }

    @POST
    @Path("/{id}/consents/{consentId}/withdrawal")
    @Extension(name = PartnerDocuments.POLICE_INSPECTOR, value = "")
    @Extension(name = PartnerDocuments.SOCIAL_PROTECTION, value = "")
    @Extension(name = PartnerDocuments.HOTLINE, value = "")
    @Extension(name = PartnerDocuments.NGO_PORTAL, value = "")
    @Operation(
            operationId = "withdrawConsent",
            description =
                    "Records that the survivor withdrew a consent, for the agencies on the case. From then on the "
                            + "agencies it covered see only the minimal view of her case; each live referral that went under "
                            + "it is told (event consent.withdrawn), and either side may WITHDRAW it.",
            summary = "Record that the survivor withdrew a consent")
    @APIResponse(
            responseCode = "200",
            description = "The consent, withdrawn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentView.class)))
    public ConsentView withdrawConsent(@RestPath("id") UUID id, @RestPath("consentId") UUID consentId) {
        return cases.withdrawConsent(id, consentId);
    }
}
