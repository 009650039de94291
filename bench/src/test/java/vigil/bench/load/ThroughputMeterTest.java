package vigil.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThroughputMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateAfterTheWarmUp() {
        ThroughputMeter meter = new ThroughputMeter();
        meter.add(0, 0);
        meter.add(SECOND, 10);      // first records: the warm-up starts
        meter.add(3 * SECOND, 30);  // warm-up (2 s) over
        meter.add(5 * SECOND, 230);
        meter.add(7 * SECOND, 430);
        ThroughputMeter.Result result = meter.result(1_000, 2);
        assertThat(result.perSecond()).isCloseTo(100, within(1e-9));
        assertThat(result.records()).isEqualTo(400);
        assertThat(result.seconds()).isCloseTo(4, within(1e-9));
        assertThat(result.drained()).isFalse();
    }

    @Test
    void backlogDrainedWithinTheWarmUpUsesTheWholeRun() {
        ThroughputMeter meter = new ThroughputMeter();
        meter.add(0, 0);
        meter.add(SECOND, 500);
        meter.add(2 * SECOND, 1_000);
        ThroughputMeter.Result result = meter.result(1_000, 10);
        assertThat(result.drained()).isTrue();
        assertThat(result.perSecond()).isCloseTo(500, within(1e-9));
        assertThat(result.consumed()).isEqualTo(1_000);
    }

    @Test
    void nothingConsumed() {
        ThroughputMeter meter = new ThroughputMeter();
        meter.add(0, 0);
        meter.add(SECOND, 0);
        assertThat(meter.result(10, 1).records()).isZero();
    }
}
