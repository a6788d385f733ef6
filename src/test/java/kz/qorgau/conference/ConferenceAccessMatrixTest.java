package kz.qorgau.conference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of risk conferences, called by every role from every relation to the series: its chair agency, a
 * member agency (which also leads the cases heard), an agency of the network that does not sit in it, and an agency
 * of another network. A role without the function hears 403; whoever may not see the series, its meetings or its
 * cases hears 404, as for one that does not exist; inside the series, what only the chair (or an action's owner)
 * does is 403 to the other members.
 */
@QuarkusTest
class ConferenceAccessMatrixTest {

    enum Relation {
        CHAIR,
        MEMBER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    static final Set<Role> CASE_WORKERS = AccessMatrix.CASE_WORKERS;

    Network almaty;
    Network astana;
    UUID series;
    UUID meeting;

    @BeforeEach
    void network() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        series = Conferences.series(almaty.coordinator(), "Almaly", almaty.socialProtection, almaty.police);
        meeting = Conferences.meeting(chair(), series, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    @Test
    void setUpASeries() {
        assertMatrix(
                (role, relation) ->
                        Conferences.createSeries(token(role, relation), "Bostandyk", agencyOf(relation), almaty.police),
                (role, relation) -> {
                    if (role == Role.AGENCY_ADMIN) {
                        // An admin sets up its own agency's series alone (police, of the member relation, is its own
                        // agency there): coordinators seat the others.
                        return relation == Relation.MEMBER ? 201 : 403;
                    }
                    if (role != Role.COORDINATOR) {
                        return 403;
                    }
                    // Another network's coordinator names agencies it does not have.
                    return relation == Relation.OTHER_TENANT ? 400 : 201;
                });
        assertMatrix(
                (role, relation) -> Conferences.createSeries(token(role, relation), "Bostandyk", agencyOf(relation)),
                // Each in its own network: the admin its own agency's series, the coordinator any agency's.
                (role, relation) -> role == Role.AGENCY_ADMIN || role == Role.COORDINATOR ? 201 : 403);
        // An admin sets up only a series its own agency chairs.
        Conferences.createSeries(almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), "Medeu", almaty.police)
                .then()
                .statusCode(403);
    }

    @Test
    void listSeries() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relation relation : Relation.values()) {
                Response response = given().auth()
                        .oauth2(token(role, relation))
                        .queryParam("limit", 200)
                        .get("/api/v1/conference-series");
                boolean may = readers().contains(role);
                int want = may ? 200 : 403;
                if (response.statusCode() != want) {
                    wrong.add(role + " x " + relation + ": " + response.statusCode());
                    continue;
                }
                if (may) {
                    boolean listed = response.asString().contains(series.toString());
                    boolean shouldList = relation == Relation.CHAIR
                            || relation == Relation.MEMBER
                            || role == Role.COORDINATOR && relation != Relation.OTHER_TENANT;
                    if (listed != shouldList) {
                        wrong.add(role + " x " + relation + ": listed " + listed);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void readASeriesItsMeetingsAndAMeeting() {
        for (String path : List.of(
                "/api/v1/conference-series/" + series,
                "/api/v1/conference-series/" + series + "/meetings",
                "/api/v1/conference-meetings/" + meeting)) {
            assertMatrix(
                    (role, relation) -> Conferences.get(token(role, relation), path), ConferenceAccessMatrixTest::seen);
        }
    }

    @Test
    void seatAndUnseatAnAgency() {
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .put("/api/v1/conference-series/" + series + "/members/"
                                + almaty.register("Legal aid", "LEGAL_AID", "[\"LEGAL_AID\"]")),
                (role, relation) ->
                        // The chair's admin manages its series, and leaves seating other agencies to coordinators.
                        role == Role.AGENCY_ADMIN && relation == Relation.CHAIR ? 403 : managed(role, relation));
        assertMatrix(
                (role, relation) -> {
                    UUID joining = almaty.register("Legal aid", "LEGAL_AID", "[\"LEGAL_AID\"]");
                    given().auth()
                            .oauth2(almaty.coordinator())
                            .put("/api/v1/conference-series/" + series + "/members/" + joining)
                            .then()
                            .statusCode(200);
                    return given().auth()
                            .oauth2(token(role, relation))
                            .delete("/api/v1/conference-series/" + series + "/members/" + joining);
                },
                ConferenceAccessMatrixTest::managed);
    }

    @Test
    void scheduleAMeetingAndRecordItsAttendance() {
        assertMatrix(
                (role, relation) -> Conferences.schedule(token(role, relation), series, Instant.now()),
                (role, relation) -> chairOnly(role, relation, 201));
        assertMatrix(
                (role, relation) -> Conferences.attendance(
                        token(role, relation),
                        Conferences.meeting(chair(), series, Instant.now().minus(1, ChronoUnit.HOURS)),
                        almaty.police),
                (role, relation) -> chairOnly(role, relation, 200));
    }

    @Test
    void theChairsQueueAndItsDecisions() {
        assertMatrix(
                (role, relation) -> Conferences.queue(token(role, relation), series, "PROPOSED"),
                (role, relation) -> chairOnly(role, relation, 200));
        assertMatrix(
                (role, relation) -> Conferences.decide(token(role, relation), proposed(), "LIST", meeting, "Agreed"),
                (role, relation) -> chairOnly(role, relation, 200));
    }

    @Test
    void proposeACase() {
        assertMatrix(
                (role, relation) -> Conferences.propose(token(role, relation), newCase(), series, "Threats"),
                (role, relation) -> {
                    if (!CASE_WORKERS.contains(role)) {
                        return 403;
                    }
                    // Only the member agency works the case; to the others it is not there.
                    return relation == Relation.MEMBER ? 201 : 404;
                });
    }

    @Test
    void linkAnIncidentToACase() {
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "incidentId",
                                Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police))
                                        .toString()))
                        .post("/api/v1/cases/" + newCase() + "/incidents"),
                (role, relation) -> {
                    if (role != Role.POLICE_INSPECTOR) {
                        return 403;
                    }
                    return relation == Relation.MEMBER ? 200 : 404;
                });
    }

    @Test
    void readAListedCaseItsSummaryResearchAndPlan() {
        UUID listed = listed();
        for (String path : List.of(
                "/api/v1/conference-cases/" + listed,
                "/api/v1/conference-cases/" + listed + "/summary",
                "/api/v1/conference-cases/" + listed + "/research",
                "/api/v1/conference-cases/" + listed + "/actions")) {
            assertMatrix(
                    (role, relation) -> Conferences.get(token(role, relation), path),
                    (role, relation) -> membersOnly(role, relation, 200));
        }
    }

    @Test
    void recordResearchMinutesAndActions() {
        UUID beforeTheMeeting = listed();
        assertMatrix(
                (role, relation) ->
                        Conferences.research(token(role, relation), beforeTheMeeting, "Known to us", "", ""),
                (role, relation) -> membersOnly(role, relation, 200));
        UUID listed = heard();
        assertMatrix(
                (role, relation) -> given().auth()
                        .oauth2(token(role, relation))
                        .contentType(ContentType.JSON)
                        .body(Map.of("risks", "Weapons", "minutes", "Agreed"))
                        .put("/api/v1/conference-cases/" + listed + "/minutes"),
                (role, relation) -> chairOnly(role, relation, 200));
        assertMatrix(
                (role, relation) -> Conferences.action(
                        token(role, relation),
                        listed,
                        almaty.police,
                        "Visit",
                        Instant.now().plus(1, ChronoUnit.DAYS)),
                (role, relation) -> chairOnly(role, relation, 201));
    }

    @Test
    void completeAnAction() {
        UUID listed = heard();
        assertMatrix(
                (role, relation) -> {
                    UUID action = UUID.fromString(Conferences.action(
                                    chair(),
                                    listed,
                                    almaty.police,
                                    "Visit",
                                    Instant.now().plus(1, ChronoUnit.DAYS))
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
                    return Conferences.complete(token(role, relation), action, "Done");
                },
                (role, relation) -> {
                    if (!CASE_WORKERS.contains(role)) {
                        return 403;
                    }
                    // The member owns it; the chair sees it and may not do it.
                    return switch (relation) {
                        case MEMBER -> 200;
                        case CHAIR -> 403;
                        default -> 404;
                    };
                });
    }

    @Test
    void theCoordinatorsReturnAndOverdueList() {
        assertMatrix(
                (role, relation) ->
                        Conferences.get(token(role, relation), "/api/v1/conference-series/" + series + "/data-return"),
                (role, relation) -> role != Role.COORDINATOR ? 403 : relation == Relation.OTHER_TENANT ? 404 : 200);
        assertMatrix(
                (role, relation) -> Conferences.get(
                        token(role, relation), "/api/v1/conference-series/" + series + "/overdue-actions"),
                (role, relation) -> {
                    if (role == Role.COORDINATOR) {
                        return relation == Relation.OTHER_TENANT ? 404 : 200;
                    }
                    return chairOnly(role, relation, 200);
                });
    }

    /** The series' readers: members' case workers and admins, and coordinators. */
    private static Set<Role> readers() {
        Set<Role> readers = EnumSet.copyOf(CASE_WORKERS);
        readers.add(Role.AGENCY_ADMIN);
        readers.add(Role.COORDINATOR);
        return readers;
    }

    private static int seen(Role role, Relation relation) {
        if (!readers().contains(role)) {
            return 403;
        }
        if (role == Role.COORDINATOR) {
            return relation == Relation.OTHER_TENANT ? 404 : 200;
        }
        return relation == Relation.CHAIR || relation == Relation.MEMBER ? 200 : 404;
    }

    private static int managed(Role role, Relation relation) {
        if (role == Role.COORDINATOR) {
            return relation == Relation.OTHER_TENANT ? 404 : 200;
        }
        if (role != Role.AGENCY_ADMIN) {
            return 403;
        }
        return switch (relation) {
            case CHAIR -> 200;
            case MEMBER -> 403;
            default -> 404;
        };
    }

    /** What the chair's case workers do: 403 to other members and to roles without it, 404 outside the series. */
    private static int chairOnly(Role role, Relation relation, int success) {
        if (!CASE_WORKERS.contains(role)) {
            return 403;
        }
        return switch (relation) {
            case CHAIR -> success;
            case MEMBER -> 403;
            default -> 404;
        };
    }

    private static int membersOnly(Role role, Relation relation, int success) {
        if (!CASE_WORKERS.contains(role)) {
            return 403;
        }
        return relation == Relation.CHAIR || relation == Relation.MEMBER ? success : 404;
    }

    private String token(Role role, Relation relation) {
        Network network = relation == Relation.OTHER_TENANT ? astana : almaty;
        if (!role.actsForAnAgency()) {
            return network.tenantWide(role);
        }
        return network.token(role, agencyOf(relation));
    }

    private UUID agencyOf(Relation relation) {
        return switch (relation) {
            case CHAIR -> almaty.socialProtection;
            case MEMBER -> almaty.police;
            case OTHER_AGENCY -> almaty.crisisCentre;
            case OTHER_TENANT -> astana.socialProtection;
        };
    }

    private String chair() {
        return almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
    }

    /** A new case led by the member agency (police). */
    private UUID newCase() {
        return Flows.caseFile(
                almaty.token(Role.POLICE_INSPECTOR, almaty.police),
                Flows.incident(almaty.token(Role.POLICE_DISPATCH, almaty.police)));
    }

    private UUID proposed() {
        return Conferences.proposedAtHighRisk(
                almaty.token(Role.POLICE_INSPECTOR, almaty.police), newCase(), series, "Threats to kill");
    }

    private UUID listed() {
        UUID proposal = proposed();
        Conferences.decide(chair(), proposal, "LIST", meeting, "Agreed").then().statusCode(200);
        return proposal;
    }

    /** A case listed on a meeting that has sat: its minutes and plan are recorded now. */
    private UUID heard() {
        UUID proposal = proposed();
        UUID sat = Conferences.meeting(chair(), series, Instant.now().minus(2, ChronoUnit.HOURS));
        Conferences.decide(chair(), proposal, "LIST", sat, "Agreed").then().statusCode(200);
        Conferences.attendance(chair(), sat, almaty.socialProtection).then().statusCode(200);
        return proposal;
    }

    private static void assertMatrix(
            BiFunction<Role, Relation, Response> call, BiFunction<Role, Relation, Integer> expected) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relation relation : Relation.values()) {
                Response response = call.apply(role, relation);
                int want = expected.apply(role, relation);
                if (response.statusCode() != want) {
                    wrong.add(role + " x " + relation + ": expected " + want + " got " + response.statusCode() + " "
                            + response.asString());
                } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " x " + relation + ": " + want + " without a problem detail");
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " cells differ");
    }
}
