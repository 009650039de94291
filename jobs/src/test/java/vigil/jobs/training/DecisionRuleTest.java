package vigil.jobs.training;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecisionRuleTest {
    @Test
    void calibratedProbabilitiesGiveThresholdHalfAndBandPointOne() {
        // labels drawn with exactly the stated probability: right (max(p, 1 - p)) of the time
        Random random = new Random(3);
        int n = 200_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i];
        }
        DecisionRule rule = DecisionRule.choose(p, y);
        assertThat(rule.threshold()).isCloseTo(0.5, within(0.021));
        // the ring just inside the edge [w - 0.05, w) is right about 0.5 + w - 0.025 of the time
        assertThat(rule.neutralBand()).isCloseTo(0.12, within(0.021));
    }

    @Test
    void aPerfectlySeparatedSetNeedsNoBand() {
        double[] p = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 0.05, 0.95, 0.15, 0.85, 0.25, 0.75};
        boolean[] y = {false, false, false, true, true, true, false, true, false, true, false, true};
        assertThat(DecisionRule.choose(p, y).neutralBand()).isZero();
    }
}
