package vigil.console.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.exporter.common.TextFormat;
import vigil.console.AlertAction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The console's own metrics (Prometheus simpleclient, in a registry of the console's own, not the default
 * one that Flink's reporter may share in the same JVM). Labels are only topic names, alert states, action
 * types and login results: never a customer id, an alert id or any text.
 */
public final class ConsoleMetrics {
    public static final String LOGIN_SUCCEEDED = "succeeded";
    public static final String LOGIN_FAILED = "failed";

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final LongSupplier clock;
    private final Counter alertsReceived;
    private final Counter actionsWritten;
    private final Counter logins;
    private final Counter recordsRead;
    private final Counter recordsSkipped;
    private final Map<String, Long> lastRecordAt = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Integer>> alertsByState = Map::of;
    private volatile IntSupplier sseClients = () -> 0;

    public ConsoleMetrics(Collection<String> topics, LongSupplier clock) {
        this.clock = clock;
        alertsReceived = Counter.build("vigil_console_alerts_received_total",
                "Alert events read from the alerts topic").register(registry);
        actionsWritten = Counter.build("vigil_console_alert_actions_written_total",
                "Alert actions supervisors took, written to the control topic").labelNames("action").register(registry);
        logins = Counter.build("vigil_console_logins_total", "Login attempts by result (succeeded, failed)")
                .labelNames("result").register(registry);
        recordsRead = Counter.build("vigil_console_records_read_total", "Kafka records read per topic")
                .labelNames("topic").register(registry);
        recordsSkipped = Counter.build("vigil_console_records_skipped_total",
                "Kafka records that could not be read, per topic (logged and skipped)").labelNames("topic").register(registry);
        for (AlertAction.Action action : AlertAction.Action.values()) {
            actionsWritten.labels(action.name());
        }
        logins.labels(LOGIN_SUCCEEDED);
        logins.labels(LOGIN_FAILED);
        for (String topic : topics) {
            recordsRead.labels(topic);
            recordsSkipped.labels(topic);
        }
        registry.register(new Live());
    }

    /** What the gauge vigil_console_alerts{state} reads at each scrape: alerts held per console state. */
    public void alertsByState(Supplier<Map<String, Integer>> counts) {
        this.alertsByState = counts;
    }

    /** What the gauge vigil_console_sse_clients reads at each scrape. */
    public void sseClients(IntSupplier clients) {
        this.sseClients = clients;
    }

    /** A record read from the topic, with its Kafka timestamp (negative: none). */
    public void recordRead(String topic, long timestamp) {
        recordsRead.labels(topic).inc();
        if (timestamp >= 0) {
            lastRecordAt.merge(topic, timestamp, Math::max);
        }
    }

    public void recordSkipped(String topic) {
        recordsSkipped.labels(topic).inc();
    }

    public void alertReceived() {
        alertsReceived.inc();
    }

    public void actionWritten(AlertAction.Action action) {
        actionsWritten.labels(action.name()).inc();
    }

    public void login(boolean succeeded) {
        logins.labels(succeeded ? LOGIN_SUCCEEDED : LOGIN_FAILED).inc();
    }

    /** Every metric in the Prometheus text format 0.0.4. */
    public String scrape() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String contentType() {
        return TextFormat.CONTENT_TYPE_004;
    }

    /** The gauges read at scrape time. */
    private final class Live extends Collector {
        @Override
        public List<MetricFamilySamples> collect() {
            GaugeMetricFamily alerts = new GaugeMetricFamily("vigil_console_alerts",
                    "Alerts the console holds, per state (NEW, ACKNOWLEDGED, ASSIGNED, RESOLVED)", List.of("state"));
            alertsByState.get().forEach((state, n) -> alerts.addMetric(List.of(state), n));
            GaugeMetricFamily clients = new GaugeMetricFamily("vigil_console_sse_clients",
                    "Browsers connected to the live event stream", sseClients.getAsInt());
            GaugeMetricFamily age = new GaugeMetricFamily("vigil_console_last_record_age_seconds",
                    "Now minus the Kafka timestamp of the newest record read, per topic (topics read from yet)",
                    List.of("topic"));
            long now = clock.getAsLong();
            lastRecordAt.forEach((topic, at) -> age.addMetric(List.of(topic), (now - at) / 1000.0));
            return new ArrayList<>(List.of(alerts, clients, age));
        }
    }
}
