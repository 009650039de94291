package vigil.jobs.eval;

import org.junit.jupiter.api.Test;
import vigil.jobs.config.ConfigLoader;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Matching alerts to incidents, and the shipped scenario files. */
class AlertScoreTest {
    @Test
    void matchesAlertsToIncidentsByTopicAndWindow() throws IOException {
        Scenario scenario = ConfigLoader.read(Path.of("../etc/scenarios/target-incidents.yaml"), Scenario.class);
        long t0 = scenario.startTime();
        long billing = t0 + scenario.incidents.get(0).start.toMillis();
        long outage = t0 + scenario.incidents.get(1).start.toMillis();
        List<Alert> alerts = List.of(
                alert("billing", billing + 20_000, AlertStatus.OPENED),
                alert("billing", billing + 20_000, AlertStatus.RESOLVED),
                alert("outage", outage + 40_000, AlertStatus.OPENED),
                alert("pricing", outage + 40_000, AlertStatus.OPENED),
                alert("billing", t0 + 60_000, AlertStatus.OPENED));

        AlertScore score = new AlertScore(scenario, new AlertEvaluation.Result(alerts, 1000));

        assertThat(score.detected()).isEqualTo(2);
        assertThat(score.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(score.medianSeconds()).isCloseTo(30.0, within(1e-9));
        assertThat(score.maxSeconds()).isCloseTo(40.0, within(1e-9));
        assertThat(score.falseAlertsPerDay()).as("2 false alerts in 3 h").isCloseTo(16.0, within(1e-9));
        assertThat(score.json()).contains("\"traffic\":\"synthetic\"", "\"detected\":2");
    }

    @Test
    void everyShippedScenarioIsValid() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../etc/scenarios"))) {
            List<Path> scenarios = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(scenarios).hasSizeGreaterThanOrEqualTo(4);
            for (Path file : scenarios) {
                Scenario scenario = ConfigLoader.read(file, Scenario.class);
                scenario.validate();
                assertThat(scenario.endTime()).isLessThan(System.currentTimeMillis());
            }
        }
    }

    @Test
    void theInputStopsAtTheScenariosEnd() {
        Scenario scenario = new Scenario();
        scenario.length = java.time.Duration.ofMinutes(1);
        scenario.rates.put(vigil.schemas.streams.StreamId.SOCIAL, 5.0);
        ScenarioInput input = new ScenarioInput(scenario);
        int n = 0;
        while (input.hasNext()) {
            assertThat(input.next().timestamp).isLessThan(scenario.endTime());
            n++;
        }
        assertThat(n).isBetween(250, 350);
    }

    private static Alert alert(String topic, long openedAt, AlertStatus status) {
        return Alert.newBuilder().setAlertId("spike:" + topic + ":" + openedAt).setStatus(status)
                .setSeverity(Severity.MEDIUM).setDetector("test").setTopic(topic).setReason("r")
                .setOpenedAt(openedAt).setUpdatedAt(openedAt).build();
    }
}
