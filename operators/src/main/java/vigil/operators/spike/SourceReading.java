package vigil.operators.spike;

import vigil.schemas.Channel;
import vigil.schemas.SourceBaseline;

import java.util.Locale;

/** One source of one topic at the end of a slide: its evidence of a rise and the run behind it. */
final class SourceReading {
    final Channel channel;
    /** Complaints since the evidence last left zero, what the baseline expected over that time, and how long. */
    final int count;
    final double expected;
    final long spanMs;
    final double evidence;
    final double lift;
    /** Enough evidence of its own to count towards an alert. */
    final boolean rising;
    /** Enough evidence, at a large enough multiple, to open an alert alone. */
    final boolean extreme;

    SourceReading(SourceBaseline baseline, SpikeSettings settings) {
        this.channel = baseline.getChannel();
        this.count = baseline.getRunCount();
        this.expected = baseline.getRunExpected();
        this.spanMs = baseline.getRunSlides() * settings.slideMs;
        this.evidence = baseline.getEvidence();
        this.lift = BaselineModel.runLift(baseline);
        this.rising = evidence >= settings.sourceEvidence;
        this.extreme = evidence >= settings.threshold && lift >= settings.extremeRatio;
    }

    /** e.g. "CHAT (9 in the last 20 s, expected 1.6, evidence 6.2)" */
    String describe() {
        return String.format(Locale.ROOT, "%s (%d in the last %d s, expected %.1f, evidence %.1f)",
                channel, count, spanMs / 1000, expected, evidence);
    }
}
