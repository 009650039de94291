package vigil.operators.churn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChurnMetricsTest {
    @Test
    void figuresOfASmallRanking() {
        boolean[] churned = {true, false, true, false};
        double[] risk = {0.9, 0.8, 0.3, 0.1};
        ChurnMetrics m = ChurnMetrics.of(churned, risk);
        assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
        // precision 1/1 at the first positive, 2/3 at the second
        assertThat(m.prAuc()).isCloseTo((1 + 2 / 3.0) / 2, within(1e-12));
        assertThat(m.accuracy()).isEqualTo(0.5);
        double loss = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.9)) / 4;
        assertThat(m.logLoss()).isCloseTo(loss, within(1e-12));
        ChurnMetrics mean = ChurnMetrics.mean(List.of(m, new ChurnMetrics(4, 2, 0.25, 0.5, 1.0, 1.0)));
        assertThat(mean.rocAuc()).isCloseTo(0.5, within(1e-12));
        assertThat(mean.rows()).isEqualTo(8);
    }
}
