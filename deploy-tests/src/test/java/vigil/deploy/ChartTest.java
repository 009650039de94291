package vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given the chart in helm/vigil, Helm lints it strictly and renders it with the default values and with
 * SASL/TLS values; the FlinkDeployment is valid against the Flink Kubernetes Operator 1.10.0 CRD, every
 * other object against fabric8's Kubernetes models with no unknown field, and the settings that matter
 * in production are rendered: RocksDB with incremental checkpoints on S3, Kubernetes HA, savepoint
 * upgrades, the autoscaler, the Prometheus reporter, non-root containers, credentials only from Secrets.
 */
class ChartTest {
    /** The CRD as apiextensions.k8s.io/v1 (the -v1beta1 file is the same CRD in the retired v1beta1 CRD API). */
    private static final String CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";
    private static CrdSchema flinkDeployments;
    private static final boolean CHANGELOG_BY_DEFAULT = true;

    @BeforeAll
    static void loadCrd() throws Exception {
        flinkDeployments = CrdSchema.fromClasspath(CRD, "v1beta1");
    }

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultValuesRenderValidObjects() throws Exception {
        RenderedChart chart = RenderedChart.defaults();
        assertThat(chart.objects).extracting(o -> o.path("kind").asText()).containsExactlyInAnyOrder(
                "ConfigMap", "ConfigMap", "FlinkDeployment", "Deployment", "Service", "PodMonitor", "PodMonitor",
                "NetworkPolicy", "NetworkPolicy");
        assertValid(chart);
    }

    @Test
    void saslTlsValuesRenderValidObjects() throws Exception {
        assertValid(saslTls());
    }

    @Test
    void flinkDeploymentHasTheProductionSettings() throws Exception {
        JsonNode spec = RenderedChart.defaults().one("FlinkDeployment").path("spec");
        JsonNode conf = spec.path("flinkConfiguration");
        assertThat(conf.path("state.backend.type").asText()).isEqualTo("rocksdb");
        assertThat(conf.path("state.backend.incremental").asText()).isEqualTo("true");
        assertThat(conf.path("state.checkpoints.dir").asText()).isEqualTo("s3p://vigil-state/vigil/checkpoints");
        assertThat(conf.path("state.savepoints.dir").asText()).isEqualTo("s3p://vigil-state/vigil/savepoints");
        assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
        assertThat(conf.path("high-availability.storageDir").asText()).startsWith("s3p://");
        assertThat(conf.path("job.autoscaler.enabled").asText()).isEqualTo("true");
        assertThat(conf.path("job.autoscaler.target.utilization").asText()).isEqualTo("0.7");
        assertThat(conf.path("metrics.reporter.prom.factory.class").asText())
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        assertThat(conf.path("metrics.reporter.prom.port").asText()).isEqualTo("9249");
        assertThat(conf.path("pipeline.max-parallelism").asText()).as("fixed key groups").isEqualTo("128");
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.path("job").path("entryClass").asText()).isEqualTo("vigil.jobs.cli.ApplicationMain");
        assertThat(spec.path("job").has("jarURI")).isTrue();
        assertThat(spec.path("flinkVersion").asText()).isEqualTo("v1_18");

        JsonNode pod = spec.path("podTemplate").path("spec");
        assertNonRoot(pod);
        JsonNode env = pod.path("containers").get(0).path("env");
        assertThat(fromSecret(env, "AWS_ACCESS_KEY_ID")).isEqualTo("vigil-s3/access-key");
        assertThat(fromSecret(env, "AWS_SECRET_ACCESS_KEY")).isEqualTo("vigil-s3/secret-key");
    }

    @Test
    void theChangelogSwitchSetsItsStorageAndTheRestoreMode() throws Exception {
        boolean byDefault = RenderedChart.defaults().one("FlinkDeployment").path("spec").path("flinkConfiguration")
                .path("state.backend.changelog.enabled").asText("false").equals("true");
        JsonNode on = RenderedChart.render(null, Map.of("flink.changelog.enabled", true))
                .one("FlinkDeployment").path("spec").path("flinkConfiguration");
        JsonNode off = RenderedChart.render(null, Map.of("flink.changelog.enabled", false))
                .one("FlinkDeployment").path("spec").path("flinkConfiguration");

        assertThat(byDefault).as("the default, as values.yaml and the README say").isEqualTo(CHANGELOG_BY_DEFAULT);
        assertThat(on.path("state.backend.changelog.enabled").asText()).isEqualTo("true");
        assertThat(on.path("state.backend.changelog.storage").asText()).isEqualTo("filesystem");
        assertThat(on.path("dstl.dfs.base-path").asText()).isEqualTo("s3p://vigil-state/vigil/checkpoints/changelog");
        assertThat(on.path("execution.savepoint-restore-mode").asText()).isEqualTo("LEGACY");
        assertThat(off.has("state.backend.changelog.enabled")).isFalse();
        assertThat(off.has("execution.savepoint-restore-mode")).as("Flink's default, NO_CLAIM").isFalse();
    }

    @Test
    void theRenderedVigilConfigurationLoads() throws Exception {
        VigilConfig config = vigilConfig(RenderedChart.defaults());
        assertThat(config.checkpoints.directory).isEqualTo("s3p://vigil-state/vigil/checkpoints");
        assertThat(config.kafka.properties).containsEntry("security.protocol", "PLAINTEXT");
        assertThat(config.kafka.startFrom).isEqualTo("committed");

        VigilConfig secured = vigilConfig(saslTls());
        assertThat(secured.kafka.bootstrapServers).isEqualTo("kafka-0.kafka:9093,kafka-1.kafka:9093");
        assertThat(secured.kafka.properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
                .containsEntry("ssl.truststore.location", "/opt/vigil/secrets/kafka-tls/truststore.p12")
                .containsEntry("ssl.truststore.password", "${env:VIGIL_KAFKA_TRUSTSTORE_PASSWORD}");
        assertThat(secured.kafka.properties.get("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"${env:VIGIL_KAFKA_USERNAME}\" password=\"${env:VIGIL_KAFKA_PASSWORD}\";");
        assertThat(secured.spikes.threshold).as("vigilConfig merged in").isEqualTo(18.0);
    }

    @Test
    void credentialsComeFromSecretsAndAreNeverInlined() throws Exception {
        RenderedChart chart = saslTls();
        assertThat(chart.ofKind("Secret")).as("the chart creates no Secret").isEmpty();
        for (JsonNode container : List.of(
                chart.one("FlinkDeployment").path("spec").path("podTemplate").path("spec").path("containers").get(0),
                chart.one("Deployment").path("spec").path("template").path("spec").path("containers").get(0))) {
            JsonNode env = container.path("env");
            assertThat(fromSecret(env, "VIGIL_KAFKA_USERNAME")).isEqualTo("prod-kafka-user/username");
            assertThat(fromSecret(env, "VIGIL_KAFKA_PASSWORD")).isEqualTo("prod-kafka-user/password");
            assertThat(fromSecret(env, "VIGIL_KAFKA_TRUSTSTORE_PASSWORD")).isEqualTo("prod-kafka-ca/truststore-password");
            for (JsonNode variable : env) {
                String name = variable.path("name").asText();
                if (name.contains("PASSWORD") || name.contains("TOKEN") || name.contains("SECRET")) {
                    assertThat(variable.has("value")).as(name + " must not be inlined").isFalse();
                }
            }
            assertThat(container.path("volumeMounts").toString()).contains("/opt/vigil/secrets/kafka-tls",
                    "/opt/vigil/secrets/pulsar-tls", "/opt/vigil/secrets/pulsar-token");
        }
        assertThat(fromSecret(chart.one("Deployment").path("spec").path("template").path("spec").path("containers").get(0)
                .path("env"), "VIGIL_CONSOLE_TOKEN")).isEqualTo("vigil-console-token/token");
        assertThat(chart.configMap("-config").toString()).doesNotContainPattern("password=\"[^$]")
                .contains("file:///opt/vigil/secrets/pulsar-token/token", "/opt/vigil/secrets/pulsar-tls/ca.crt");
    }

    @Test
    void consoleRunsAsNonRootBehindAService() throws Exception {
        RenderedChart chart = RenderedChart.render(null, Map.of("console.port", 9000, "console.image.repository", "registry.example/vigil-console"));
        JsonNode pod = chart.one("Deployment").path("spec").path("template").path("spec");
        assertNonRoot(pod);
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo("registry.example/vigil-console:0.1.0");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(9000);
        assertThat(chart.one("Service").path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        assertThat(chart.ofKind("NetworkPolicy").get(1).toString()).contains("9000");
    }

    @Test
    void theDashboardShipsAsAGrafanaConfigMap() throws Exception {
        JsonNode map = RenderedChart.defaults().configMap("-dashboard");
        assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(map.path("data").path("vigil.json").asText());
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertThat(titles).contains("Events in per source", "Event to score latency", "Backpressure and busy time",
                "Checkpoint duration", "Checkpoint size", "Alerts opened");
        dashboard.path("panels").forEach(p -> assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty());
    }

    @Test
    void podMonitorScrapesTheFlinkPodsMetricsPort() throws Exception {
        RenderedChart chart = RenderedChart.defaults();
        JsonNode monitor = podMonitor(chart, "vigil").path("spec");
        assertThat(monitor.path("podMetricsEndpoints").get(0).path("port").asText()).isEqualTo("metrics");
        JsonNode podLabels = chart.one("FlinkDeployment").path("spec").path("podTemplate").path("metadata").path("labels");
        monitor.path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        JsonNode ports = chart.one("FlinkDeployment").path("spec").path("podTemplate").path("spec")
                .path("containers").get(0).path("ports");
        assertThat(ports.get(0).path("name").asText()).isEqualTo("metrics");
        assertThat(ports.get(0).path("containerPort").asInt()).isEqualTo(9249);
    }

    @Test
    void aSecondPodMonitorScrapesTheConsolesOwnMetrics() throws Exception {
        RenderedChart chart = RenderedChart.render(null, Map.of("console.port", 9000));
        JsonNode monitor = podMonitor(chart, "vigil-console").path("spec");
        JsonNode endpoint = monitor.path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
        JsonNode pod = chart.one("Deployment").path("spec").path("template");
        JsonNode podLabels = pod.path("metadata").path("labels");
        assertThat(monitor.path("selector").path("matchLabels").path("app.kubernetes.io/component").asText()).isEqualTo("console");
        monitor.path("selector").path("matchLabels").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        JsonNode port = pod.path("spec").path("containers").get(0).path("ports").get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("containerPort").asInt()).isEqualTo(9000);
        // Prometheus's namespace may reach the console's port
        JsonNode consolePolicy = chart.ofKind("NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("name").asText().endsWith("-console")).findFirst().orElseThrow();
        assertThat(consolePolicy.path("spec").path("ingress").get(0).toString())
                .contains("\"kubernetes.io/metadata.name\":\"monitoring\"").contains("9000");

        assertThat(RenderedChart.render(null, Map.of("console.enabled", false)).ofKind("PodMonitor"))
                .extracting(m -> m.path("metadata").path("name").asText()).containsExactly("vigil");
        assertThat(RenderedChart.render(null, Map.of("metrics.podMonitor.enabled", false)).ofKind("PodMonitor")).isEmpty();
    }

    private static JsonNode podMonitor(RenderedChart chart, String name) {
        return chart.ofKind("PodMonitor").stream().filter(m -> name.equals(m.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no PodMonitor " + name));
    }

    @Test
    void theValuesSchemaRejectsUnsafeOrWrongValues() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("securityContext.runAsUser", 0)))
                .as("root").hasMessageContaining("runAsUser");
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("flink.upgradeMode", "redeploy")))
                .hasMessageContaining("upgradeMode");
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("kafka.startFrom", "yesterday")))
                .hasMessageContaining("startFrom");
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("kafka.sasl.mechanism", "GSSAPI")))
                .hasMessageContaining("mechanism");
    }

    @Test
    void theValidatorsCatchMistakes() throws Exception {
        RenderedChart chart = RenderedChart.defaults();
        JsonNode deployment = chart.one("FlinkDeployment").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec").path("job")).put("upgradeMod", "savepoint");
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec").path("jobManager")).put("replicas", "one");
        assertThat(flinkDeployments.validate(deployment)).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(e -> assertThat(e).contains("upgradeMod"))
                .anySatisfy(e -> assertThat(e).contains("replicas"));
        JsonNode console = chart.one("Deployment").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) console.path("spec").path("template").path("spec")
                .path("containers").get(0)).put("imagePullPolice", "Always");
        assertThat(KubernetesModels.unknownFields(console)).singleElement().asString().contains("imagePullPolice");
    }

    private static void assertValid(RenderedChart chart) throws Exception {
        for (JsonNode object : chart.objects) {
            String name = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            if ("FlinkDeployment".equals(object.path("kind").asText())) {
                assertThat(flinkDeployments.validate(object)).as(name).isEmpty();
            } else {
                assertThat(KubernetesModels.knows(object)).as(name + " has a model").isTrue();
                assertThat(KubernetesModels.unknownFields(object)).as(name).isEmpty();
            }
            assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/instance").asText())
                    .as(name).isEqualTo(RenderedChart.RELEASE);
        }
    }

    private static void assertNonRoot(JsonNode pod) {
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isPositive();
        for (JsonNode container : pod.path("containers")) {
            JsonNode context = container.path("securityContext");
            assertThat(context.path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(context.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(context.path("capabilities").path("drop").toString()).contains("ALL");
        }
    }

    /** "secret/key" of the variable's secretKeyRef, or null when it is not from a Secret. */
    private static String fromSecret(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode() ? null : ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError("no variable " + name + " in " + env);
    }

    private static RenderedChart saslTls() throws Exception {
        return RenderedChart.render(Path.of("src/test/resources/sasl-tls-values.yaml"), Map.of());
    }

    private static VigilConfig vigilConfig(RenderedChart chart) throws Exception {
        return ConfigLoader.parse(chart.configMap("-config").path("data").path("vigil.yaml").asText());
    }
}
