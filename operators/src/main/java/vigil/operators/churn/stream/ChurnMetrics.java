package vigil.operators.churn.stream;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import vigil.operators.metrics.ScoreMetrics;

import java.util.function.LongSupplier;

/** The churn scorer's metrics, registered once per subtask. */
final class ChurnMetrics {
    /** Updates scored with a model. */
    final Counter scored;
    /** Scores whose published churn risk changed. */
    final Counter published;
    /** Model updates swapped in. */
    final Counter swaps;
    /** Model updates whose payload did not parse. */
    final Counter rejected;
    /** Outcomes joined with earlier features. */
    final Counter labeled;
    /** Outcomes with no snapshot old enough to join. */
    final Counter unlabeled;
    /** Event to score latency, risk distribution and scores per band. */
    final ScoreMetrics scores;

    ChurnMetrics(MetricGroup group, LongSupplier modelVersion) {
        scored = group.counter("churnScored");
        published = group.counter("churnPublished");
        swaps = group.counter("modelSwaps");
        rejected = group.counter("modelRejected");
        labeled = group.counter("labeledExamples");
        unlabeled = group.counter("outcomesWithoutFeatures");
        group.gauge("churnModelVersion", (Gauge<Long>) modelVersion::getAsLong);
        scores = new ScoreMetrics(group);
    }
}
