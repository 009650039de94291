package vigil.console.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceChartTest {
    @Test
    void countsAlertsAndAveragesSentimentPerSourceAndBucket() {
        SourceChart chart = new SourceChart(10_000, 3);
        long now = 1_000_025_000L; // buckets ...00-10, 10-20, 20-30 s
        chart.onAlertOpened(now - 1_000, List.of("CALL", "SOCIAL"), now);
        chart.onAlertOpened(now - 12_000, List.of("SOCIAL"), now);
        chart.onAlertOpened(now - 60_000, List.of("CALL"), now); // too old: left out
        chart.onSentiment("CHAT", now - 2_000, -0.5, now);
        chart.onSentiment("CHAT", now - 3_000, 0.1, now);

        SourceChart.Snapshot snapshot = chart.snapshot(now);
        assertThat(snapshot.end()).isEqualTo(1_000_030_000L);
        assertThat(snapshot.sources().get("CALL").alerts()).containsExactly(0, 0, 1);
        assertThat(snapshot.sources().get("SOCIAL").alerts()).containsExactly(0, 1, 1);
        assertThat(snapshot.sources().get("CHAT").sentiment().get(2)).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(snapshot.sources().get("CHAT").sentiment().get(1)).isNull();

        SourceChart.Snapshot later = chart.snapshot(now + 20_000);
        assertThat(later.sources().get("SOCIAL").alerts()).containsExactly(1, 0, 0);
    }
}
