package vigil.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesTest {
    @Test
    void percentilesByNearestRank() {
        Samples samples = new Samples();
        for (long v = 100; v >= 1; v--) {
            samples.add(v);
        }
        assertThat(samples.count()).isEqualTo(100);
        assertThat(samples.percentile(50)).isEqualTo(50);
        assertThat(samples.percentile(95)).isEqualTo(95);
        assertThat(samples.percentile(99)).isEqualTo(99);
        assertThat(samples.max()).isEqualTo(100);
    }

    @Test
    void fewSamples() {
        Samples samples = new Samples();
        assertThat(samples.percentile(50)).isEqualTo(-1);
        samples.add(7);
        samples.add(3);
        samples.add(5);
        assertThat(samples.percentile(50)).isEqualTo(5);
        assertThat(samples.percentile(99)).isEqualTo(7);
        assertThat(samples.percentile(1)).isEqualTo(3);
        assertThatThrownBy(() -> samples.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsBeyondItsFirstArray() {
        Samples samples = new Samples();
        for (int i = 0; i < 5000; i++) {
            samples.add(i % 10);
        }
        assertThat(samples.count()).isEqualTo(5000);
        assertThat(samples.percentile(95)).isEqualTo(9);
    }
}
