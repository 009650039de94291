package vigil.jobs.generator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The daily pattern: a flat rate by default, more records in busy hours with a profile. */
class DailyProfileTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void withoutAProfileTheRateIsFlat() {
        GeneratorSettings settings = GeneratorSettings.defaults();
        assertThat(settings.dailyFactor(settings.startTime() + 5 * HOUR)).isEqualTo(1.0);
    }

    @Test
    void busyHoursGetMoreRecords() {
        List<Double> profile = new ArrayList<>(Collections.nCopies(24, 0.5));
        profile.set(12, 2.0);
        GeneratorSettings settings = GeneratorSettings.builder().eventsPerSecond(4).malformedFraction(0)
                .dailyProfile(profile).build();
        assertThat(settings.dailyFactor(settings.startTime() + 12 * HOUR + HOUR / 2)).isCloseTo(2.0, within(1e-9));
        assertThat(settings.dailyFactor(settings.startTime() + 3 * HOUR)).isCloseTo(0.5, within(1e-9));

        TrafficGenerator generator = new TrafficGenerator(settings);
        int night = 0;
        int noon = 0;
        for (GeneratedRecord r; (r = generator.next()).timestamp() < settings.startTime() + 13 * HOUR; ) {
            long hour = (r.timestamp() - settings.startTime()) / HOUR;
            night += hour == 3 ? 1 : 0;
            noon += hour == 12 ? 1 : 0;
        }
        assertThat((double) noon / night).isBetween(3.0, 4.2);
    }

    @Test
    void aProfileNeeds24PositiveValues() {
        assertThatThrownBy(() -> GeneratorSettings.builder().dailyProfile(List.of(1.0, 2.0)))
                .hasMessageContaining("24 positive");
    }
}
