package vigil.operators.spike;

import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.SourceBaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evidence of a rise (a Poisson CUSUM per source) and the baseline it is read against. */
class BaselineModelTest {
    /** 5 s slides, 30 s windows; lift 3, threshold 12, a floor of 1 expected complaint per window. */
    private static final SpikeSettings SETTINGS = new SpikeSettings(5_000, 30_000, 0, 1_800_000, 3.0, 12.0, 1.5, 2,
            5.0, 2, 1.0, 120_000, 5.0, 600_000, 5);

    @Test
    void eachSlideAddsTheLogLikelihoodRatioOfARise() {
        SourceBaseline baseline = baseline(12, 12);          // 2 expected per slide
        BaselineModel.accumulate(baseline, 6, SETTINGS);     // 6 ln 3 - 2 * 2
        assertThat(baseline.getEvidence()).isCloseTo(6 * Math.log(3) - 4, within(1e-9));
        BaselineModel.accumulate(baseline, 6, SETTINGS);
        assertThat(baseline.getEvidence()).isCloseTo(2 * (6 * Math.log(3) - 4), within(1e-9));
        assertThat(baseline.getRunCount()).isEqualTo(12);
        assertThat(baseline.getRunExpected()).isCloseTo(4, within(1e-9));
        assertThat(BaselineModel.runLift(baseline)).isCloseTo(3, within(1e-9));
    }

    @Test
    void evidenceNeverGoesBelowZeroAndIsCapped() {
        SourceBaseline baseline = baseline(12, 12);
        for (int i = 0; i < 20; i++) {
            BaselineModel.accumulate(baseline, 2, SETTINGS);
        }
        assertThat(baseline.getEvidence()).as("steady counts bank nothing").isZero();
        assertThat(baseline.getRunSlides()).isZero();
        for (int i = 0; i < 50; i++) {
            BaselineModel.accumulate(baseline, 10, SETTINGS);
        }
        assertThat(baseline.getEvidence()).as("capped, so an alert does not outlive its incident long")
                .isEqualTo(1.5 * SETTINGS.threshold);
        BaselineModel.accumulate(baseline, 0, SETTINGS);
        assertThat(baseline.getEvidence()).isLessThan(1.5 * SETTINGS.threshold);
    }

    @Test
    void overDispersedCountsAreWeakerEvidence() {
        SourceBaseline poisson = baseline(12, 12);
        SourceBaseline dispersed = baseline(12, 48);        // variance 4x the mean
        BaselineModel.accumulate(poisson, 6, SETTINGS);
        BaselineModel.accumulate(dispersed, 6, SETTINGS);
        assertThat(dispersed.getEvidence()).isCloseTo(poisson.getEvidence() / 4, within(1e-9));
    }

    @Test
    void aQuietSourceIsNotInfinitelySensitive() {
        SourceBaseline silent = baseline(0, 0);
        BaselineModel.accumulate(silent, 1, SETTINGS);
        // The floor: 1 expected per window, so one complaint is ln 3 - 2/6, not a certainty
        assertThat(silent.getEvidence()).isCloseTo(Math.log(3) - 2.0 / 6, within(1e-9));
    }

    @Test
    void anIncidentBarelyMovesTheBaseline() {
        SourceBaseline baseline = baseline(10, 10);
        for (int i = 0; i < 60; i++) {                       // 5 minutes of slides at 4x
            BaselineModel.update(baseline, 40, SETTINGS, 10_000);
        }
        assertThat(baseline.getMean()).isLessThan(12);
        assertThat(baseline.getVariance()).as("incident windows do not widen it").isCloseTo(10, within(1e-9));
    }

    private static SourceBaseline baseline(double mean, double variance) {
        return SourceBaseline.newBuilder().setChannel(Channel.CHAT).setMean(mean).setVariance(variance)
                .setEvidence(0).setRunCount(0).setRunExpected(0).setRunSlides(0).build();
    }
}
