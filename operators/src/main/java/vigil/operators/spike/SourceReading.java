package vigil.operators.spike;

import vigil.schemas.Channel;
import vigil.schemas.SourceBaseline;

/** One source's count in one window, against its baseline. */
final class SourceReading {
    private static final int MIN_CORROBORATING = 3;

    final Channel channel;
    final int count;
    final double expected;
    final double z;
    final double lift;
    final boolean anomalous;
    final boolean extreme;
    /** A weaker rise, enough to corroborate another source's anomaly. */
    final boolean corroborates;

    SourceReading(Channel channel, int count, SourceBaseline baseline, SpikeSettings settings) {
        this.channel = channel;
        this.count = count;
        this.expected = baseline.getMean();
        this.z = BaselineModel.zScore(baseline, count);
        this.lift = BaselineModel.lift(baseline, count);
        this.anomalous = count >= settings.minCount && z >= settings.zThreshold && lift >= settings.minRatio;
        this.extreme = anomalous && z >= settings.extremeZ && lift >= settings.extremeRatio;
        this.corroborates = anomalous
                || (count >= MIN_CORROBORATING && z >= settings.corroborateZ && lift >= settings.corroborateRatio);
    }

    /** e.g. "CALL (38 in 30 s, expected 9.1, z 9.5)" */
    String describe(long windowMs) {
        return String.format(java.util.Locale.ROOT, "%s (%d in %d s, expected %.1f, z %.1f)",
                channel, count, windowMs / 1000, expected, z);
    }
}
