package vigil.jobs.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.testing.Corpus;
import vigil.jobs.testing.PrometheusServer;
import vigil.operators.decode.RawRecord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the scoring job on a MiniCluster with Vigil's Prometheus reporter on 127.0.0.1, reading synthetic
 * events with malformed records from a real Kafka broker, and a real Prometheus server scraping the
 * reporter, then Prometheus's query API returns Vigil's metrics with plausible values, and every query of
 * the chart's Grafana dashboard runs and names only metrics the job exports.
 */
class PrometheusMetricsTest {
    static final String OP = "flink_taskmanager_job_task_operator_";

    @TempDir
    Path work;

    @Test
    void prometheusScrapesTheJobsMetrics() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            VigilConfig config = new VigilConfig();
            config.kafka.bootstrapServers = kafka.bootstrapServers();
            config.checkpoints.interval = Duration.ofSeconds(1);
            config.checkpoints.directory = Checkpoints.directory().toUri().toString();
            config.metrics.prometheusPort = PrometheusServer.freePort();
            TopicAdmin.createAll(config, 1, (short) 1);
            Corpus corpus = Corpus.generate(System.currentTimeMillis() - 600_000L, 0.05, 1_500, 40);
            produce(config, corpus.raw);

            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(MetricsReporting.flinkConfiguration(config));
            ScoringJob job = new ScoringJob(config);
            job.configure(env);
            job.wireKafka(env);
            JobClient client = env.executeAsync("prometheus-metrics-test");
            try (PrometheusServer prometheus = PrometheusServer.start(work, config.metrics.prometheusPort)) {
                awaitAll(prometheus, corpus);
                // A scrape that times out on a busy machine marks every series stale until the next one
                // (a query then finds none), so the checks are repeated for a while before they fail.
                eventually(Duration.ofSeconds(60), () -> assertMetrics(prometheus, corpus));
                assertDashboard(prometheus);
            } finally {
                client.cancel().get();
            }
        }
    }

    private static void awaitAll(PrometheusServer prometheus, Corpus corpus) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            double in = prometheus.scalar("sum(" + OP + "source_eventsIn)");
            double letters = prometheus.scalar("sum(" + OP + "reason_deadLetters)");
            double scores = prometheus.scalar("sum(" + OP + "scoresEmitted)");
            if (in >= corpus.valid && letters >= corpus.malformedOffsets.size() && scores > 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Prometheus did not see every record within 240 s; targets "
                + prometheus.targets() + "; names " + prometheus.metricNames());
    }

    interface Check {
        void run() throws Exception;
    }

    private static void eventually(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void assertMetrics(PrometheusServer prometheus, Corpus corpus) throws Exception {
        Set<String> names = prometheus.metricNames();
        System.out.println("Vigil and Flink metric names seen by Prometheus: " + names);
        assertThat(prometheus.scalar("sum(" + OP + "source_eventsIn)")).isEqualTo(corpus.valid);
        assertThat(labels(prometheus.query("sum by (source) (" + OP + "source_eventsIn)"), "source"))
                .as("label values: Flink turns dots into underscores")
                .contains("cx_calls", "cx_chats", "cx_social", "cx_clicks", "cx_profiles", "cx_outcomes");
        assertThat(prometheus.scalar("sum(" + OP + "reason_deadLetters)"))
                .isGreaterThanOrEqualTo(corpus.malformedOffsets.size());
        assertThat(labels(prometheus.query("sum by (reason) (" + OP + "reason_deadLetters)"), "reason"))
                .contains("MALFORMED");
        assertThat(labels(prometheus.query("sum by (channel) (" + OP + "channel_eventsOut) > 0"), "channel"))
                .contains("CALL", "CHAT", "SOCIAL", "CLICK");
        assertThat(prometheus.scalar("sum(" + OP + "textsAnalyzed)")).isPositive();
        assertThat(prometheus.scalar("max(" + OP + "analysisLatencyMicros{quantile=\"0.5\"})")).isPositive();
        assertThat(prometheus.scalar("sum(" + OP + "eventToScoreLatencyMs_count)")).isPositive();
        assertThat(prometheus.scalar("max(" + OP + "eventToScoreLatencyMs{quantile=\"0.99\"})"))
                .as("events were produced up to 10 minutes before the job read them").isPositive();
        assertThat(prometheus.scalar("sum(" + OP + "band_churnScores)")).isPositive();
        assertThat(prometheus.scalar("max(" + OP + "churnRiskPercent{quantile=\"0.5\"})")).isBetween(0.0, 100.0);
        assertThat(prometheus.scalar("min(" + OP + "churnModelVersion)")).as("the shipped model").isGreaterThanOrEqualTo(0);
        assertThat(prometheus.scalar("max(" + OP + "rulesActive)")).isGreaterThanOrEqualTo(-1);
        assertThat(names).contains(OP + "spikeAlertsOpened", OP + "ruleAlerts",
                "flink_jobmanager_job_lastCheckpointDuration", "flink_jobmanager_job_lastCheckpointSize");
        assertThat(prometheus.scalar("max(flink_jobmanager_job_numberOfCompletedCheckpoints)")).isPositive();
    }

    private static void assertDashboard(PrometheusServer prometheus) throws Exception {
        Dashboard dashboard = Dashboard.load(Path.of("../helm/vigil/dashboards/vigil.json"));
        assertThat(dashboard.queries()).hasSizeGreaterThanOrEqualTo(8);
        Set<String> exported = prometheus.metricNames();
        for (String query : dashboard.queries()) {
            assertThat(Dashboard.metricNames(query)).as(query).isNotEmpty().allSatisfy(name ->
                    assertThat(exported).as("metric of dashboard query " + query).contains(name));
            prometheus.query(Dashboard.withoutGrafanaVariables(query));
        }
    }

    private static Set<String> labels(JsonNode result, String label) {
        Set<String> values = new HashSet<>();
        result.forEach(series -> values.add(series.path("metric").path(label).asText()));
        return values;
    }

    private static void produce(VigilConfig config, List<RawRecord> records) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (RawRecord r : records) {
                producer.send(new ProducerRecord<>(r.topic, 0, null, r.key, r.value));
            }
            producer.flush();
        }
    }
}
