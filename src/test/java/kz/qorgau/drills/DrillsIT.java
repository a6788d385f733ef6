package kz.qorgau.drills;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.qorgau.openapi.PartnerDocumentsTest;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failing parts, with the packaged service in its own process against a PostgreSQL the drills stop and
 * kill: the database going away under load, the service killed with SIGKILL in the middle of transitions,
 * a thousand concurrent retries of one incident, and survivors' data kept out of the log. Each drill prints
 * what it measured (the note on issue 11 quotes them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillsIT {

    /** A request must be answered, one way or another, within this while the database is away. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(6);

    /** What the packaged service waits, once signalled, before it stops taking calls (5 s in production). */
    private static final String SHUTDOWN_DELAY = "3s";

    /**
     * The SIGTERM drill holds a row through the delay and into the drain, about 4 s, longer than a production lock
     * wait may last (5 s) with little to spare on a loaded machine; here the wait outlasts the drill.
     */
    private static final Map.Entry<String, String> LOCK_TIMEOUT =
            Map.entry("quarkus.datasource.jdbc.new-connection-sql", "set lock_timeout = '30s'");

    private static DrillPostgres postgres;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        Path data = Path.of("target/drills/pg");
        Files.createDirectories(data.getParent());
        postgres = new DrillPostgres(data, ServiceProcess.freePort()).start(true);
        // The relay waits until the crash drill restarts the service, so that events committed before the
        // SIGKILL are still to be relayed when it comes back.
        service = ServiceProcess.start(
                "drills",
                postgres.jdbcUrl(),
                Map.of(
                        "qorgau.notifications.relay-every",
                        "off",
                        "quarkus.shutdown.delay",
                        SHUTDOWN_DELAY,
                        LOCK_TIMEOUT.getKey(),
                        LOCK_TIMEOUT.getValue()));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = service.port;
        // The packaged service answers health and metrics on its management interface, not on the API's port.
        org.junit.jupiter.api.Assertions.assertEquals(
                404, service.apiStatus("/q/health/ready", java.time.Duration.ofSeconds(5)));
        org.junit.jupiter.api.Assertions.assertEquals(
                404, service.apiStatus("/q/metrics", java.time.Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        RestAssured.reset();
        ServiceProcess.pause(1000);
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(), ServiceProcess.leftRunning(), "processes the drills started and left running");
    }

    // ---- survivors' data stays out of the log

    private static final String NAME = "Zhansaya Drillbekova";
    private static final String PHONE = "+7 777 901 23 45";
    private static final String ADDRESS = "Drill street 77, apt 13";
    private static final String PERSON = "Marat Drillov";

    /**
     * The packaged service prepares its OpenAPI documents after it has started, not as it starts (issue 26:
     * io.quarkus.smallrye.openapi.runtime.DocumentsPreparedAfterStart, which only the packaged build uses, as
     * only there does one class loader load it and the extension alike; its log line shows that it ran). What it
     * then serves is what the tests serve: every partner document as committed, and the whole API's.
     */
    @Test
    @Order(0)
    void thePackagedServiceServesEveryPartnerDocumentAsCommitted() throws Exception {
        String managementUrl = "http://127.0.0.1:" + service.managementPort;
        for (String document : PartnerDocumentsTest.DOCUMENTS) {
            String served = given().baseUri(managementUrl)
                    .queryParam("format", "yaml")
                    .get("/q/openapi-" + document)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(Files.readString(Path.of("openapi", document + ".yaml")), served, document);
        }
        given().baseUri(managementUrl)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", org.hamcrest.Matchers.equalTo("Qorgau API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/referrals/{id}/transitions"));
        assertTrue(
                service.logText().matches("(?s).*Prepared the \\d+ OpenAPI documents in.*"),
                "the packaged service prepared its documents some other way");
    }

    @Test
    @Order(1)
    void survivorsPersonalDataNeverReachesTheLog() {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String worker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);

        String incident = given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body(Flows.incidentBody("CAD-" + UUID.randomUUID())
                        .replace("\"A. S.\"", "\"" + PERSON + "\"")
                        .replace("Neighbours called about screaming", "Called from " + ADDRESS))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String survivor = "{\"fullName\": \"" + NAME + "\", \"birthDate\": \"1990-01-31\", \"phone\": \"" + PHONE
                + "\", \"address\": \"" + ADDRESS + "\"}";
        String caseId = given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("{\"survivor\": " + survivor + ", \"riskLevel\": \"HIGH\", \"incidentIds\": [\"" + incident
                        + "\"]}")
                .post("/api/v1/cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Flows.recordConsent(inspector, UUID.fromString(caseId), almaty.socialProtection)
                .then()
                .statusCode(201);
        UUID referral = Flows.referral(inspector, UUID.fromString(caseId), almaty.socialProtection);
        Flows.fire(worker, referral, "ACKNOWLEDGE").then().statusCode(200);
        Flows.fire(worker, referral, "ACCEPT").then().statusCode(200);
        given().auth()
                .oauth2(worker)
                .get("/api/v1/referrals/" + referral + "/shared-data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(worker)
                .queryParam("survivorName", NAME)
                .get("/api/v1/cases")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(worker)
                .queryParam("survivorPhone", PHONE)
                .get("/api/v1/cases")
                .then()
                .statusCode(200);
        // Bad input that carries her data: a refused body, and her name where an id belongs.
        given().auth()
                .oauth2(inspector)
                .contentType("application/json")
                .body("{\"survivor\": {\"fullName\": \"" + NAME + "\", \"phone\": \"" + PHONE + "\", \"address\": \""
                        + ADDRESS + "\", \"birthDate\": \"1990-02-31\"}}")
                .post("/api/v1/cases")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + NAME.replace(' ', '-'))
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(dispatch)
                .contentType("application/json")
                .body("{\"externalReference\": \"" + PHONE + "\", \"description\": \"" + ADDRESS + "\"")
                .post("/api/v1/incidents")
                .then()
                .statusCode(400);

        ServiceProcess.pause(1500);
        String log = service.logText();
        assertFalse(log.isBlank(), "the service's log is empty; the drill would prove nothing");
        for (String secret : List.of(
                NAME,
                "Drillbekova",
                PHONE,
                PHONE.replace(" ", ""),
                "7779012345",
                ADDRESS,
                "Drill street",
                PERSON,
                "Drillov",
                "1990-01-31")) {
            assertFalse(log.contains(secret), "the service's log holds \"" + secret + "\"");
        }
    }

    // ---- idempotency under load

    @Test
    @Order(2)
    void aThousandConcurrentRetriesOfOneIncidentPostMakeOneIncident() throws Exception {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String key = "retry-" + UUID.randomUUID();
        String reference = "CAD-" + UUID.randomUUID();
        String body = Flows.incidentBody(reference);
        ExecutorService senders = Executors.newFixedThreadPool(32);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(senders)
                .build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/incidents"))
                .header("Authorization", "Bearer " + dispatch)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<CompletableFuture<HttpResponse<String>>> retries = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            retries.add(client.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Integer, Integer> firstAnswers = new ConcurrentHashMap<>();
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> retry : retries) {
            HttpResponse<String> response = retry.get(120, TimeUnit.SECONDS);
            firstAnswers.merge(response.statusCode(), 1, Integer::sum);
            // Overloaded, the service may answer 503 with Retry-After; a dispatch system sends the same post
            // again, and that answer counts. Anything else is the answer.
            for (int again = 0; again < 3 && response.statusCode() == 503; again++) {
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "a 503 says when to come back");
                Thread.sleep(1000);
                response = client.send(post, HttpResponse.BodyHandlers.ofString());
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() < 300) {
                ids.add(io.restassured.path.json.JsonPath.from(response.body()).getString("id"));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        senders.shutdown();
        System.out.printf(
                "[drill] 1,000 concurrent retries of one incident post: first answers %s, final %s in %d ms%n",
                firstAnswers, statuses, millis);
        assertEquals(Integer.valueOf(1), statuses.get(201), "exactly one retry creates: " + statuses);
        assertEquals(
                1000,
                statuses.getOrDefault(201, 0) + statuses.getOrDefault(200, 0),
                "every other retry replays: " + statuses);
        assertEquals(1, ids.size(), "every answer names the one incident");
        assertEquals(1, postgres.count("select count(*) from incident where external_reference = '" + reference + "'"));
    }

    // ---- the database goes away under load

    private record Answer(long atMillis, int status, long tookMillis, String contentType) {}

    @Test
    @Order(3)
    void whenTheDatabaseGoesAwayRequestsAnswer503QuicklyAndTheServiceRecoversByItself() throws Exception {
        Network almaty = Network.of("almaty");
        String dispatch = almaty.token(Role.POLICE_DISPATCH, almaty.police);
        String coordinator = almaty.coordinator();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            boolean writer = worker % 2 == 0;
            load.submit(() -> {
                while (running.get()) {
                    HttpRequest request = writer
                            ? HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/incidents"))
                                    .header("Authorization", "Bearer " + dispatch)
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            Flows.incidentBody("CAD-" + UUID.randomUUID())))
                                    .build()
                            : HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/referrals?limit=5"))
                                    .header("Authorization", "Bearer " + coordinator)
                                    .timeout(Duration.ofSeconds(30))
                                    .build();
                    long sent = System.nanoTime();
                    int status;
                    String type = "";
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        type = response.headers().firstValue("Content-Type").orElse("");
                    } catch (Exception e) {
                        status = -1;
                    }
                    answers.add(new Answer(millisSince(t0, sent), status, millisSince(sent, System.nanoTime()), type));
                    ServiceProcess.pause(20);
                }
                return null;
            });
        }
        ServiceProcess.pause(3000);
        postgres.stop();
        // The outage starts once PostgreSQL has stopped, not when it was asked to: its shutdown writes a checkpoint
        // first, which on a busy machine took longer than the half second the oracle below leaves, and calls it
        // answered then were rightly served.
        long outageStarted = millisSince(t0, System.nanoTime());
        ServiceProcess.pause(4000);
        int readiness = service.status("/q/health/ready", Duration.ofSeconds(10));
        int liveness = service.status("/q/health/live", Duration.ofSeconds(10));
        // Long enough that the calls judged below (sent at least ANSWER_BOUND before the restart) span some seconds.
        ServiceProcess.pause(8000);
        // The outage's answers are those that must have ended before PostgreSQL is asked to start: it accepts
        // connections a moment before start() returns, and a call that waited for one then is rightly served.
        long restartAsked = millisSince(t0, System.nanoTime());
        postgres.start(false);
        // The outage ends when PostgreSQL accepts connections again; recovery is measured from then.
        long outageEnded = millisSince(t0, System.nanoTime());
        long firstSuccess = -1;
        long readyAgain = -1;
        while (millisSince(t0, System.nanoTime()) < outageEnded + 60_000 && (firstSuccess < 0 || readyAgain < 0)) {
            if (readyAgain < 0 && service.status("/q/health/ready", Duration.ofSeconds(5)) == 200) {
                readyAgain = millisSince(t0, System.nanoTime());
            }
            if (firstSuccess < 0) {
                firstSuccess = answers.stream()
                        .filter(a -> a.atMillis() >= outageEnded && a.status() >= 200 && a.status() < 300)
                        .mapToLong(a -> a.atMillis() + a.tookMillis())
                        .min()
                        .orElse(-1);
            }
            ServiceProcess.pause(100);
        }
        ServiceProcess.pause(2000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        List<Answer> during = answers.stream()
                // Judged by when they were sent: a call that hangs past the restart is judged too, and fails the
                // bound below, instead of dropping out of the window.
                .filter(a ->
                        a.atMillis() >= outageStarted + 500 && a.atMillis() + ANSWER_BOUND.toMillis() <= restartAsked)
                .toList();
        long slowest = during.stream().mapToLong(Answer::tookMillis).max().orElse(-1);
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        during.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        System.out.printf(
                "[drill] database outage of %d ms: %d answers during it %s, slowest %d ms; readiness %d, liveness %d; "
                        + "first success %d ms and ready %d ms after PostgreSQL was back%n",
                outageEnded - outageStarted,
                during.size(),
                statuses,
                slowest,
                readiness,
                liveness,
                firstSuccess - outageEnded,
                readyAgain - outageEnded);

        assertFalse(during.isEmpty(), "no request was sent during the outage");
        assertEquals(Set.of(503), statuses.keySet(), "during the outage every request answers 503: " + statuses);
        assertTrue(during.stream().allMatch(a -> a.contentType().startsWith("application/problem+json")));
        assertTrue(slowest <= ANSWER_BOUND.toMillis(), "an answer took " + slowest + " ms");
        assertEquals(503, readiness, "readiness is DOWN while the database is away");
        assertEquals(200, liveness, "liveness stays UP: restarting the service would not bring the database back");
        assertTrue(firstSuccess > 0 && readyAgain > 0, "the service did not recover by itself");
        assertConsistent();
    }

    // ---- SIGKILL in the middle of transitions

    @Test
    @Order(4)
    void aServiceKilledDuringTransitionsLosesNoAcknowledgedTransitionAndDeliveryResumes() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String worker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        List<UUID> referrals = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            referrals.add(Flows.referral(inspector, caseId, almaty.socialProtection));
        }
        Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            List<UUID> mine = referrals.subList(w * 3, w * 3 + 3);
            load.submit(() -> {
                int step = 0;
                while (running.get()) {
                    for (UUID referral : mine) {
                        try {
                            Response current = given().auth().oauth2(worker).get("/api/v1/referrals/" + referral);
                            String state = current.path("state");
                            String action = switch (state) {
                                case "SUBMITTED" -> "ACKNOWLEDGE";
                                case "ACKNOWLEDGED" -> "ACCEPT";
                                case "ACCEPTED" -> "START";
                                case "IN_PROGRESS" -> "PAUSE";
                                default -> "RESUME";
                            };
                            Response fired = Flows.fireAt(
                                    worker,
                                    referral,
                                    current.header("ETag"),
                                    action,
                                    action.equals("PAUSE")
                                            ? Map.of("note", "Waiting for a place, step " + step)
                                            : Map.of());
                            if (fired.statusCode() == 200) {
                                acknowledged.merge(
                                        referral,
                                        Long.parseLong(fired.header("ETag").replace("\"", "")),
                                        Math::max);
                            }
                        } catch (Exception cut) {
                            // The service is gone: what was not answered was not acknowledged.
                        }
                    }
                    step++;
                }
                return null;
            });
        }
        ServiceProcess.pause(4000);
        long beforeKill =
                acknowledged.values().stream().mapToLong(Long::longValue).sum();
        service.kill();
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
        long unrelayed = postgres.count("select count(*) from outbox_event where position is null");

        long restartedAt = System.nanoTime();
        service.restart(
                postgres.jdbcUrl(),
                Map.of("quarkus.shutdown.delay", SHUTDOWN_DELAY, LOCK_TIMEOUT.getKey(), LOCK_TIMEOUT.getValue()));
        long restartMillis = millisSince(restartedAt, System.nanoTime());
        long drained = -1;
        long waitFrom = System.nanoTime();
        while (millisSince(waitFrom, System.nanoTime()) < 30_000) {
            if (postgres.count("select count(*) from outbox_event where position is null") == 0) {
                drained = millisSince(restartedAt, System.nanoTime());
                break;
            }
            ServiceProcess.pause(200);
        }
        System.out.printf(
                "[drill] SIGKILL after %d acknowledged transitions (sum of versions %d) on %d referrals; %d events "
                        + "unrelayed at the kill; service ready %d ms after restart; outbox drained %d ms after restart%n",
                acknowledged.size(), beforeKill, referrals.size(), unrelayed, restartMillis, drained);

        assertFalse(acknowledged.isEmpty(), "no transition was acknowledged before the kill");
        for (Map.Entry<UUID, Long> answered : acknowledged.entrySet()) {
            long stored = postgres.count("select version from referral where id = '" + answered.getKey() + "'");
            assertTrue(
                    stored >= answered.getValue(),
                    "referral " + answered.getKey() + " acknowledged at version " + answered.getValue()
                            + " but stored at " + stored);
        }
        assertTrue(unrelayed > 0, "the drill meant to leave events to relay at the kill");
        assertTrue(drained >= 0, "the outbox was not relayed after the restart");
        assertConsistent();
        // And it goes on: the receiver works the referrals again.
        UUID any = referrals.get(0);
        String state = given().auth()
                .oauth2(worker)
                .get("/api/v1/referrals/" + any)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
        Flows.fire(worker, any, state.equals("ON_HOLD") ? "RESUME" : "PAUSE", Map.of("note", "After the restart"))
                .then()
                .statusCode(200);
    }

    // ---- SIGTERM: the replica finishes the calls it holds

    /**
     * An orchestrator stops a replica with SIGTERM while it serves (a rolling update, a drained node). For the delay
     * (here 3 s, 5 s in production) it reports itself not ready and serves as before, so that the load balancer can
     * take it out; then it closes each connection after the call it carries, and finishes the calls it holds before
     * its database pool closes. A transition waiting on the database when the signal comes (its referral's row locked
     * here, as a long statement of another caller would hold it) is answered and stays committed. Before
     * quarkus.shutdown.timeout was set, the pool closed under it: its transaction rolled back and its caller got no
     * answer at all.
     */
    @Test
    @Order(5)
    void aServiceStoppedWithSigtermFinishesTheCallsItHolds() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        String worker = almaty.token(Role.SOCIAL_WORKER, almaty.socialProtection);
        UUID caseId = Flows.caseFile(inspector);
        Flows.recordConsent(inspector, caseId, almaty.socialProtection).then().statusCode(201);
        UUID referral = Flows.referral(inspector, caseId, almaty.socialProtection);
        String etag = Flows.etag(worker, referral);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        CompletableFuture<HttpResponse<String>> held;
        long signalled;
        int logBeforeTheSignal;
        int readyInTheDelay;
        HttpResponse<Void> readInTheDelay;
        String readWhileDraining;
        try (Connection locker = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("select id from referral where id = '" + referral + "' for update");
            }
            held = client.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create(service.baseUrl() + "/api/v1/referrals/" + referral + "/transitions"))
                            .header("Authorization", "Bearer " + worker)
                            .header("Content-Type", "application/json")
                            .header("If-Match", etag)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"ACKNOWLEDGE\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long waitFrom = System.nanoTime();
            while (postgres.count("select count(*) from pg_stat_activity where usename = 'qorgau_app'"
                            + " and wait_event_type = 'Lock'")
                    == 0) {
                assertTrue(
                        millisSince(waitFrom, System.nanoTime()) < 10_000, "the transition never waited on the lock");
                ServiceProcess.pause(50);
            }
            signalled = System.nanoTime();
            logBeforeTheSignal = service.logText().length();
            service.terminate();
            ServiceProcess.pause(1000);
            readyInTheDelay = service.status("/q/health/ready", Duration.ofSeconds(2));
            readInTheDelay = read(client, worker, referral);
            // Past the delay: the replica drains.
            ServiceProcess.pause(3000);
            readWhileDraining = rawRead(worker, referral);
            locker.commit();
        }
        HttpResponse<String> answer = held.get(30, TimeUnit.SECONDS);
        long answeredAfter = millisSince(signalled, System.nanoTime());
        int exit = service.awaitExit(Duration.ofSeconds(30));
        long stoppedAfter = millisSince(signalled, System.nanoTime());
        System.out.printf(
                "[drill] SIGTERM with a transition waiting on a lock: in the delay readiness %d and a read %d; draining,"
                        + " a read on a new connection: %s (%s); the held transition answered %d after %d ms; the process ended"
                        + " (%d) after %d ms%n",
                readyInTheDelay,
                readInTheDelay.statusCode(),
                readWhileDraining.lines().findFirst().orElse("-"),
                readWhileDraining
                        .lines()
                        .filter(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("connection:"))
                        .findFirst()
                        .orElse("-"),
                answer.statusCode(),
                answeredAfter,
                exit,
                stoppedAfter);

        // A stop is routine (every rolling update): it must log no error, or the errors that need someone drown. The
        // scheduled jobs logged "EntityManagerFactory is closed" when they ran on into the closing (outside probe).
        List<String> errors = service.logText()
                .substring(logBeforeTheSignal)
                .lines()
                .filter(line -> line.contains(" ERROR "))
                .toList();
        assertEquals(List.of(), errors, "errors logged while the replica stopped");
        assertEquals(503, readyInTheDelay, "in the delay the replica reports itself not ready");
        assertEquals(200, readInTheDelay.statusCode(), "in the delay the replica serves as before");
        // Draining, a call that still reaches the replica is answered, and its connection closed after it: the caller
        // opens its next one to a replica still in the Service.
        assertTrue(
                readWhileDraining.startsWith("HTTP/1.1 200"), "draining, the replica answers the calls that reach it");
        assertTrue(
                readWhileDraining.lines().anyMatch(h -> h.equalsIgnoreCase("connection: close")),
                "draining, the replica closes each connection after its call: " + readWhileDraining);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(exit >= 0, "the service still ran 30 s after the transition was answered");
        long version =
                Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        assertEquals(version, postgres.count("select version from referral where id = '" + referral + "'"));
        assertEquals(
                1,
                postgres.count(
                        "select count(*) from referral where id = '" + referral + "' and state = 'ACKNOWLEDGED'"));
        assertConsistent();
    }

    /** One GET on a connection of its own, as raw HTTP/1.1: its status line and headers as they came. */
    private static String rawRead(String token, UUID referral) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET /api/v1/referrals/" + referral
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader answer = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private static HttpResponse<Void> read(HttpClient client, String token, UUID referral) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/referrals/" + referral))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    @Order(6)
    void noDrillMadeTheServiceFailUnexpectedly() {
        String log = service.logText();
        assertEquals(
                0,
                log.lines().filter(line -> line.contains("Unexpected failure")).count(),
                "the log of the drills holds unexpected failures (500s)");
    }

    /** Every referral's state, version, history and outbox agree: no transition is half applied. */
    private static void assertConsistent() {
        long stateDisagrees = postgres.count("""
                select count(*) from referral r
                where r.state <> (select h.to_state from referral_history h where h.referral_id = r.id
                                  order by h.at desc, h.id desc limit 1)""");
        long versionDisagrees = postgres.count("""
                select count(*) from referral r
                where r.version <> (select count(*) - 1 from referral_history h where h.referral_id = r.id)""");
        long eventsDisagree = postgres.count("""
                select count(*) from referral r
                where (select count(*) from referral_history h where h.referral_id = r.id)
                   <> (select count(*) from outbox_event e where e.aggregate_id = r.id and e.aggregate_type = 'referral'
                       and e.event_type not in ('referral.reprioritised', 'referral.escalated'))""");
        long referrals = postgres.count("select count(*) from referral");
        System.out.printf(
                "[drill] consistency over %d referrals: state %d, version %d, outbox %d disagreeing%n",
                referrals, stateDisagrees, versionDisagrees, eventsDisagree);
        assertEquals(0, stateDisagrees, "referrals whose state is not their last history entry's");
        assertEquals(0, versionDisagrees, "referrals whose version is not their history's length");
        assertEquals(0, eventsDisagree, "referrals whose history and outbox events differ");
    }

    private static long millisSince(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
