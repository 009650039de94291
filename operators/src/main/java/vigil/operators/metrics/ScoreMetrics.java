package vigil.operators.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Metrics of the score stream, for the operator that emits the scores: event to score latency (wall
 * clock at emission minus the causing event's time), the distribution of the scored churn risk and the
 * scores emitted per risk band.
 */
public final class ScoreMetrics {
    /** Samples kept by each histogram (a sliding window of the latest values). */
    static final int SAMPLES = 1000;

    private final MetricGroup group;
    private final Histogram latencyMs;
    private final Histogram riskPercent;
    private final Counter scoresOut;
    private final Map<String, Counter> byBand = new HashMap<>();

    public ScoreMetrics(MetricGroup group) {
        this.group = group;
        latencyMs = group.histogram("eventToScoreLatencyMs", new DescriptiveStatisticsHistogram(SAMPLES));
        riskPercent = group.histogram("churnRiskPercent", new DescriptiveStatisticsHistogram(SAMPLES));
        scoresOut = group.counter("scoresEmitted");
    }

    /**
     * One score update leaves the operator at wall-clock time {@code now}.
     *
     * @param eventTime the causing event's time; 0 (unknown) records no latency
     * @param band the update's published risk band, null when it carries no churn risk
     */
    public void emitted(long eventTime, long now, String band) {
        scoresOut.inc();
        if (eventTime > 0) {
            latencyMs.update(Math.max(0, now - eventTime));
        }
        if (band != null) {
            byBand.computeIfAbsent(band, b -> group.addGroup("band", b).counter("churnScores")).inc();
        }
    }

    /** A churn risk in [0, 1] was computed (whether or not it is published). */
    public void risk(double risk) {
        riskPercent.update(Math.round(risk * 100));
    }

    /** For tests. */
    public Histogram latencyMs() {
        return latencyMs;
    }

    /** For tests. */
    public Histogram riskPercent() {
        return riskPercent;
    }

    /** For tests: scores emitted with this band so far, 0 if none. */
    public long scores(String band) {
        Counter counter = byBand.get(band);
        return counter == null ? 0 : counter.getCount();
    }
}
