package vigil.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.Party;
import vigil.schemas.SentimentLabel;
import vigil.schemas.streams.StreamId;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own Prometheus metrics on a real broker: real logins, alerts, actions and event streams
 * change them, /metrics needs no session, and what it shows holds no customer id, alert id or text.
 */
class ConsoleMetricsTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String CUSTOMER = "C-metrics-7731";

    private static ConsoleFixture fixture;
    private static Console console;

    @BeforeAll
    static void start() {
        fixture = new ConsoleFixture();
        console = fixture.startConsole();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        fixture.close();
    }

    @Test
    void trafficMovesTheMetricsAndNothingPrivateShows() throws Exception {
        String alerts = fixture.config.topic(StreamId.ALERTS);
        String control = fixture.config.topic(StreamId.CONTROL);
        String enriched = fixture.config.topic(StreamId.ENRICHED);
        Map<String, Double> before = scrape();
        assertThat(before).containsEntry("vigil_console_alerts_received_total", 0.0)
                .containsEntry(key("vigil_console_records_read_total", "topic", alerts), 0.0)
                .containsEntry(key("vigil_console_alert_actions_written_total", "action", "ASSIGN"), 0.0)
                .containsEntry(key("vigil_console_logins_total", "result", "failed"), 0.0)
                .containsEntry(key("vigil_console_alerts", "state", "NEW"), 0.0)
                .containsEntry("vigil_console_sse_clients", 0.0);

        HttpResponse<String> wrong = fixture.http.send(fixture.loginRequest(console, "mallory", "not-the-token", console.url()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        ConsoleFixture.Login alice = fixture.login(console, "alice");
        assertThat(scrape()).containsEntry(key("vigil_console_logins_total", "result", "failed"), 1.0)
                .containsEntry(key("vigil_console_logins_total", "result", "succeeded"), 1.0);

        long now = System.currentTimeMillis();
        Alert alert = ConsoleFixture.ruleAlert(CUSTOMER, now);
        fixture.sendAlert(alert);
        fixture.sendAlert(ConsoleFixture.spikeAlert("spike:billing:metrics", now));
        fixture.sendInteraction(ConsoleFixture.interaction("ev-m1", CUSTOMER, Channel.CALL, Party.CUSTOMER,
                "please cancel my contract today", "retention", SentimentLabel.NEGATIVE, -0.8, now));
        fixture.send(StreamId.ALERTS, "garbage", "not an alert".getBytes(StandardCharsets.UTF_8));
        // A record counts as read before it is decoded, and as skipped after: wait for both.
        Map<String, Double> read = await(m -> m.getOrDefault(key("vigil_console_records_read_total", "topic", alerts), 0.0) >= 3
                && m.getOrDefault(key("vigil_console_records_read_total", "topic", enriched), 0.0) >= 1
                && m.getOrDefault(key("vigil_console_records_skipped_total", "topic", alerts), 0.0) >= 1);
        assertThat(read).containsEntry("vigil_console_alerts_received_total", 2.0)
                .containsEntry(key("vigil_console_records_read_total", "topic", alerts), 3.0)
                .containsEntry(key("vigil_console_records_skipped_total", "topic", alerts), 1.0)
                .containsEntry(key("vigil_console_records_skipped_total", "topic", enriched), 0.0)
                .containsEntry(key("vigil_console_alerts", "state", "NEW"), 2.0);
        assertThat(read.get(key("vigil_console_last_record_age_seconds", "topic", alerts))).isBetween(0.0, 60.0);

        try (InputStream stream = openEvents(alice.cookie())) {
            await(m -> m.get("vigil_console_sse_clients") == 1.0);
            String path = "/api/alerts/" + alert.getAlertId() + "/actions";
            assertThat(act(path, alice, "{\"action\":\"ACKNOWLEDGE\"}")).isEqualTo(202);
            assertThat(act(path, alice, "{\"action\":\"ASSIGN\",\"assignee\":\"carol\"}")).isEqualTo(202);
            Map<String, Double> acted = await(m -> m.get(key("vigil_console_alerts", "state", "ASSIGNED")) == 1.0);
            assertThat(acted).containsEntry(key("vigil_console_alert_actions_written_total", "action", "ACKNOWLEDGE"), 1.0)
                    .containsEntry(key("vigil_console_alert_actions_written_total", "action", "ASSIGN"), 1.0)
                    .containsEntry(key("vigil_console_alert_actions_written_total", "action", "RESOLVE"), 0.0)
                    .containsEntry(key("vigil_console_records_read_total", "topic", control), 2.0)
                    .containsEntry(key("vigil_console_alerts", "state", "NEW"), 1.0);
        }
        await(m -> m.get("vigil_console_sse_clients") == 0.0);

        String text = get("/metrics", null).body();
        assertThat(text).doesNotContain(CUSTOMER).doesNotContain(alert.getAlertId()).doesNotContain("spike:billing")
                .doesNotContain("carol").doesNotContain("alice").doesNotContain("mallory").doesNotContain("cancel")
                .doesNotContain("charged twice").doesNotContain("ev-");
    }

    @Test
    void metricsNeedNoSessionAndSpeakThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body()).contains("# TYPE vigil_console_alerts_received_total counter")
                .contains("# TYPE vigil_console_alerts gauge").contains("# HELP vigil_console_sse_clients ");
        assertThat(get("/metrics", "vigil_session=forged").statusCode()).isEqualTo(200);
    }

    /** The samples of the text format, keyed by name and sorted labels: {@code name{a="1",b="2"}}. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.put(key(m.group(1), labels), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static String key(String name, String label, String value) {
        return key(name, Map.of(label, value));
    }

    private static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        new TreeMap<>(labels).forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        return key.append('}').toString();
    }

    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    private static Map<String, Double> await(Predicate<Map<String, Double>> ready) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        Map<String, Double> samples = scrape();
        while (!ready.test(samples)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("metrics not as expected after 15 s: " + new TreeMap<>(samples));
            }
            Thread.sleep(100);
            samples = scrape();
        }
        return samples;
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return fixture.get(console, path, cookie);
    }

    private static int act(String path, ConsoleFixture.Login login, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.url() + path))
                .header("Content-Type", "application/json").header("Cookie", login.cookie())
                .header("X-CSRF-Token", login.csrf()).header("Origin", console.url())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return fixture.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** An open event stream, read up to its snapshot; closing it disconnects. */
    private static InputStream openEvents(String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.url() + "/api/events")).header("Cookie", cookie)
                .header("Accept", "text/event-stream").build();
        InputStream body = fixture.http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.equals("event: snapshot")) {
            // the snapshot comes first
        }
        return body;
    }
}
