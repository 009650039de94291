package vigil.jobs.generator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeAndRateTest {
    @Test
    void eventTimeIsNearlyOrderedAndAdvancesAtTheConfiguredRate() {
        GeneratorSettings settings = GeneratorSettings.builder().eventsPerSecond(500).startTime(1_000_000_000_000L)
                .build();
        List<GeneratedRecord> records = Samples.take(settings, 50_000);
        assertThat(records.get(0).timestamp()).isEqualTo(settings.startTime());
        long latest = settings.startTime();
        int late = 0;
        for (GeneratedRecord record : records) {
            assertThat(record.timestamp()).isGreaterThanOrEqualTo(settings.startTime())
                    .isGreaterThan(latest - TrafficGenerator.MAX_LATENESS_MS - 1);
            if (record.timestamp() < latest) {
                late++;
            }
            latest = Math.max(latest, record.timestamp());
        }
        // 50,000 records at 500/s span 100 s of event time.
        assertThat((double) (latest - settings.startTime())).isCloseTo(100_000, within(500.0));
        assertThat(late).isBetween(100, 1_500);
    }

    @Test
    void anIncidentAddsTrafficOnTop() {
        GeneratorSettings settings = GeneratorSettings.defaults().withDefaultDemoIncident();
        List<GeneratedRecord> records = Samples.take(settings, 200 * 60 * 10);
        long span = records.get(records.size() - 1).timestamp() - settings.startTime();
        // Five normal minutes at 200/s, then more than 200/s in the incident.
        assertThat(span).isLessThan(10 * 60_000L - 30_000L).isGreaterThan(5 * 60_000L);
    }
}
