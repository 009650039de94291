package vigil.operators.churn.learn;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The online learner's metrics. */
final class LearnerMetrics {
    final Counter learned;
    /** Candidates promoted and published. */
    final Counter accepted;
    /** Candidates the gate turned down. */
    final Counter rejected;
    /** Models published by others that the learner now learns from. */
    final Counter adopted;
    /** Model updates whose payload did not parse. */
    final Counter unparsable;
    /** Examples dropped because there was no model to learn from yet. */
    final Counter withoutModel;

    LearnerMetrics(MetricGroup group, LearnerModel model, PrequentialGate gate) {
        learned = group.counter("examplesLearned");
        accepted = group.counter("candidatesAccepted");
        rejected = group.counter("candidatesRejected");
        adopted = group.counter("modelsAdopted");
        unparsable = group.counter("modelRejected");
        withoutModel = group.counter("examplesWithoutModel");
        group.gauge("learnerModelVersion", (Gauge<Long>) model::version);
        group.gauge("currentAuc", (Gauge<Double>) gate::currentAuc);
        group.gauge("candidateAuc", (Gauge<Double>) gate::candidateAuc);
    }
}
