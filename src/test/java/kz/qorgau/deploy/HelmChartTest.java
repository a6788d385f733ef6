package kz.qorgau.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Lints the chart and renders it, with its defaults and with production-like values, as Kubernetes would get it. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm/qorgau");
    private static Map<String, Map<String, Object>> defaults;
    private static Map<String, Map<String, Object>> production;

    @BeforeAll
    static void render() {
        defaults = objects(new Helm(CHART).template().withName("qorgau").call());
        production = objects(new Helm(CHART)
                .template()
                .withName("qorgau")
                .withValuesFile(Path.of("src/test/resources/helm/production-values.yaml"))
                .call());
    }

    /** The rendered objects by "Kind/name". */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> objects(String manifests) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document != null) {
                all.add((Map<String, Object>) document);
            }
        }
        return all.stream()
                .collect(Collectors.toMap(
                        o -> o.get("kind") + "/" + ((Map<String, Object>) o.get("metadata")).get("name"), o -> o));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    /**
     * The chart runs the image with the AOT cache the image trains (docker/Dockerfile), and the image trains it with
     * the options the chart runs it with: a cache made under another collector or heap is used in part, or not at all,
     * and the start it was made for is lost without an error. Both pass them as JAVA_OPTS: the image's launcher puts
     * its own defaults, a ParallelGC among them, before JAVA_OPTS_APPEND, and the JVM refuses two collectors.
     */
    @Test
    void theImageTrainsTheAotCacheTheChartNamesWithTheChartsOptions() throws java.io.IOException {
        String options =
                at(new Yaml().load(java.nio.file.Files.readString(CHART.resolve("values.yaml"))), "jvm", "options");
        String dockerfile = java.nio.file.Files.readString(Path.of("docker/Dockerfile"));
        java.util.regex.Matcher declared =
                java.util.regex.Pattern.compile("ARG JVM_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
        assertTrue(declared.find(), "docker/Dockerfile declares no JVM_OPTIONS");
        assertEquals(declared.group(1) + " -XX:AOTCache=/deployments/app.aot", options);
        assertTrue(
                dockerfile.contains("JAVA_OPTS=\"-Djava.util.logging.manager=org.jboss.logmanager.LogManager "
                        + "${JVM_OPTIONS} -XX:AOTCache=/deployments/app.aot\""),
                dockerfile);
        assertTrue(dockerfile.contains("${JVM_OPTIONS} -XX:AOTCacheOutput=app.aot"), dockerfile);
        assertFalse(dockerfile.contains("JAVA_OPTS_APPEND="), "the image adds to the launcher's defaults");
        List<Map<String, Object>> env =
                at(defaults.get("Deployment/qorgau"), "spec", "template", "spec", "containers", "0", "env");
        assertTrue(env.stream().noneMatch(e -> e.get("name").equals("JAVA_OPTS_APPEND")), env::toString);
        assertTrue(
                env.stream()
                        .anyMatch(e -> e.get("name").equals("JAVA_OPTS")
                                && String.valueOf(e.get("value")).endsWith(" " + options)),
                env::toString);
    }

    @Test
    void chartPassesStrictLint() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void defaultsRenderTheApiWithoutAnIngress() {
        assertEquals(
                List.of(
                        "ConfigMap/qorgau",
                        "Deployment/qorgau",
                        "HorizontalPodAutoscaler/qorgau",
                        "NetworkPolicy/qorgau",
                        "PodDisruptionBudget/qorgau",
                        "Service/qorgau"),
                defaults.keySet().stream().sorted().toList());
    }

    @Test
    void podRunsAsNonRootOnAReadOnlyFilesystemWithProbesAndLimits() {
        Map<String, Object> pod = at(production.get("Deployment/qorgau"), "spec", "template", "spec");
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals(false, at(pod, "automountServiceAccountToken"));
        Map<String, Object> api = at(pod, "containers", "0");
        assertEquals("ghcr.io/qorgau/qorgau-api:1.4.2", api.get("image"));
        assertEquals(true, at(api, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(false, at(api, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(api, "securityContext", "capabilities", "drop"));
        assertEquals("/q/health/ready", at(api, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/live", at(api, "livenessProbe", "httpGet", "path"));
        // The probes reach the management interface; the API's port serves no health or metrics in production.
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", at(api, probe, "httpGet", "port"));
        }
        assertEquals("768Mi", at(api, "resources", "limits", "memory"));
        // The heap is set, not derived from the node: bench/perf.sh measures resident memory with it.
        List<Map<String, Object>> env = at(api, "env");
        assertTrue(
                env.stream()
                        .anyMatch(e -> e.get("name").equals("JAVA_OPTS")
                                && String.valueOf(e.get("value")).contains("-Xmx256m")),
                env::toString);
        assertEquals("250m", at(api, "resources", "requests", "cpu"));
    }

    /**
     * Kubernetes kills a pod that has not stopped within its grace period. Once signalled, the service serves on for
     * quarkus.shutdown.delay and then finishes the calls it holds for up to quarkus.shutdown.timeout (DrillsIT
     * shows both): the grace period covers them and the service's own closing, or a rolling update cuts the very
     * calls those settings exist to finish.
     */
    @Test
    void aStoppedPodIsGivenTimeToFinishTheCallsItHolds() throws java.io.IOException {
        java.util.Properties settings = new java.util.Properties();
        try (java.io.Reader file =
                java.nio.file.Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            settings.load(file);
        }
        assertEquals("true", settings.getProperty("quarkus.shutdown.delay-enabled"));
        java.time.Duration delay = duration(settings.getProperty("%prod.quarkus.shutdown.delay"));
        java.time.Duration timeout = duration(settings.getProperty("quarkus.shutdown.timeout"));
        for (Map<String, Map<String, Object>> rendered : List.of(defaults, production)) {
            Number grace =
                    at(rendered.get("Deployment/qorgau"), "spec", "template", "spec", "terminationGracePeriodSeconds");
            assertTrue(
                    grace.longValue() >= delay.plus(timeout).plusSeconds(10).toSeconds(),
                    "a grace period of " + grace + " s for a delay of " + delay + " and a timeout of " + timeout);
        }
    }

    private static java.time.Duration duration(String setting) {
        return java.time.Duration.parse("PT" + setting.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void databaseCredentialsComeFromASecretAndTenantsFromTheConfigMap() {
        List<Map<String, Object>> env =
                at(production.get("Deployment/qorgau"), "spec", "template", "spec", "containers", "0", "env");
        Map<String, Object> password = env.stream()
                .filter(e -> e.get("name").equals("QUARKUS_DATASOURCE_PASSWORD"))
                .findFirst()
                .orElseThrow();
        assertEquals("qorgau-db", at(password, "valueFrom", "secretKeyRef", "name"));
        // The data-protection keys come from their own Secret, mounted as a properties file the service reads.
        List<Map<String, Object>> volumes =
                at(production.get("Deployment/qorgau"), "spec", "template", "spec", "volumes");
        assertTrue(
                volumes.stream()
                        .anyMatch(v ->
                                v.get("name").equals("keys") && "qorgau-keys".equals(at(v, "secret", "secretName"))),
                volumes.toString());
        Map<String, Object> locations = env.stream()
                .filter(e -> e.get("name").equals("SMALLRYE_CONFIG_LOCATIONS"))
                .findFirst()
                .orElseThrow();
        assertEquals("/etc/qorgau/application.properties,/etc/qorgau-keys/keys.properties", locations.get("value"));
        String properties = at(production.get("ConfigMap/qorgau"), "data", "application.properties");
        assertTrue(
                properties.contains("quarkus.oidc.almaty.auth-server-url=https://sso.qorgau.kz/realms/almaty"),
                properties);
        assertTrue(properties.contains("qorgau.tenants.astana.name=Astana city"), properties);
        assertTrue(properties.contains("quarkus.oidc.astana.token.audience=qorgau-api"), properties);
        // Not off: enabled by IssuerTenantResolver on the realm's first token, so no realm is reached at start.
        assertTrue(properties.contains("quarkus.oidc.almaty.tenant-enabled=false"), properties);
        assertTrue(properties.contains("quarkus.oidc.astana.tenant-enabled=false"), properties);
        assertTrue(properties.contains("quarkus.datasource.jdbc.max-size=30"), properties);
        assertFalse(properties.toLowerCase().contains("password"), "no credential in the ConfigMap");
    }

    /** Where an environment variable of the container comes from: its Secret's name and key. */
    private static Map<String, Object> secretOf(List<Map<String, Object>> env, String name) {
        Map<String, Object> variable = env.stream()
                .filter(e -> e.get("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set: " + env));
        return at(variable, "valueFrom", "secretKeyRef");
    }

    @Test
    void documentsStayInPostgresqlByDefaultOrGoToTheNamedObjectStoreWithItsKeyFromASecret() {
        String byDefault = at(defaults.get("ConfigMap/qorgau"), "data", "application.properties");
        assertTrue(byDefault.contains("qorgau.documents.store=database"), byDefault);
        assertTrue(byDefault.contains("qorgau.documents.max-bytes=5242880"), byDefault);
        assertFalse(byDefault.contains("qorgau.documents.s3."), byDefault);
        String properties = at(production.get("ConfigMap/qorgau"), "data", "application.properties");
        assertTrue(properties.contains("qorgau.documents.store=s3"), properties);
        assertTrue(properties.contains("qorgau.documents.s3.endpoint=https://minio.storage.svc:9000"), properties);
        assertTrue(properties.contains("qorgau.documents.s3.bucket=qorgau-documents"), properties);
        assertFalse(properties.contains("access-key") || properties.contains("secret-access"), properties);
        List<Map<String, Object>> env =
                at(production.get("Deployment/qorgau"), "spec", "template", "spec", "containers", "0", "env");
        assertEquals(
                "qorgau-documents-s3",
                secretOf(env, "QORGAU_DOCUMENTS_S3_ACCESS_KEY_ID").get("name"));
        assertEquals(
                "secret-access-key",
                secretOf(env, "QORGAU_DOCUMENTS_S3_SECRET_ACCESS_KEY").get("key"));
    }

    @Test
    void serviceConnectsAsItsOwnRoleAndFlywayMigratesAsTheOwnerEachFromItsSecret() {
        List<Map<String, Object>> env =
                at(production.get("Deployment/qorgau"), "spec", "template", "spec", "containers", "0", "env");
        // The service's own role, which row-level security holds (DatabaseRoleCheck refuses an owner).
        assertEquals(Map.of("name", "qorgau-db", "key", "username"), secretOf(env, "QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(Map.of("name", "qorgau-db", "key", "password"), secretOf(env, "QUARKUS_DATASOURCE_PASSWORD"));
        // The schema's owner, for Flyway only.
        assertEquals(
                Map.of("name", "qorgau-db-owner", "key", "owner-username"), secretOf(env, "QUARKUS_FLYWAY_USERNAME"));
        assertEquals(
                Map.of("name", "qorgau-db-owner", "key", "owner-password"), secretOf(env, "QUARKUS_FLYWAY_PASSWORD"));
        // The migrations grant to the role the service connects as.
        String properties = at(production.get("ConfigMap/qorgau"), "data", "application.properties");
        assertTrue(properties.contains("quarkus.flyway.placeholders.app_role=qorgau_api"), properties);
        String defaultProperties = at(defaults.get("ConfigMap/qorgau"), "data", "application.properties");
        assertTrue(defaultProperties.contains("quarkus.flyway.placeholders.app_role=qorgau_app"), defaultProperties);
        List<Map<String, Object>> defaultEnv =
                at(defaults.get("Deployment/qorgau"), "spec", "template", "spec", "containers", "0", "env");
        assertEquals(
                Map.of("name", "qorgau-database-owner", "key", "username"),
                secretOf(defaultEnv, "QUARKUS_FLYWAY_USERNAME"));
        assertEquals(
                Map.of("name", "qorgau-database", "key", "username"),
                secretOf(defaultEnv, "QUARKUS_DATASOURCE_USERNAME"));
    }

    @Test
    void productionValuesAddATlsIngressForTheApiAndTheRecipientsPageOnlyAndScaleFromThree() {
        Map<String, Object> ingress = production.get("Ingress/qorgau");
        assertEquals("qorgau-tls", at(ingress, "spec", "tls", "0", "secretName"));
        assertEquals("/api", at(ingress, "spec", "rules", "0", "http", "paths", "0", "path"));
        assertEquals("/r", at(ingress, "spec", "rules", "0", "http", "paths", "1", "path"));
        assertEquals(2, ((java.util.List<?>) at(ingress, "spec", "rules", "0", "http", "paths")).size());
        assertEquals(3, (int) at(production.get("HorizontalPodAutoscaler/qorgau"), "spec", "minReplicas"));
        assertEquals(1, (int) at(production.get("PodDisruptionBudget/qorgau"), "spec", "minAvailable"));
    }

    @Test
    void networkPolicyAllowsDnsAndOnlyTheNamedEgress() {
        List<Map<String, Object>> egress = at(production.get("NetworkPolicy/qorgau"), "spec", "egress");
        assertEquals(
                5, egress.size(), "DNS, the database, Keycloak, the document store and the named webhook receivers");
        // DNS of the cluster's own DNS service only, not of any host on port 53.
        assertEquals("kube-dns", at(egress.get(0), "to", "0", "podSelector", "matchLabels", "k8s-app"));
        assertEquals("10.20.0.0/24", at(egress.get(1), "to", "0", "ipBlock", "cidr"));
        assertEquals("203.0.113.16/28", at(egress.get(4), "to", "0", "ipBlock", "cidr"));
        assertEquals(443, (int) at(egress.get(4), "ports", "0", "port"));
        // By default no webhook receiver is reachable: DNS alone.
        assertEquals(1, ((List<?>) at(defaults.get("NetworkPolicy/qorgau"), "spec", "egress")).size());
        assertEquals(List.of("Ingress", "Egress"), at(production.get("NetworkPolicy/qorgau"), "spec", "policyTypes"));
    }

    @Test
    void anIngressWithoutTlsDoesNotRender() {
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> new Helm(CHART)
                        .template()
                        .withName("qorgau")
                        .set("ingress.enabled", "true")
                        .set("ingress.host", "api.qorgau.example.kz")
                        .call());
        assertTrue(
                String.valueOf(refused.getMessage()).contains("ingress.tlsSecret is required"), refused.getMessage());
    }
}
