package vigil.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.jobs.kafka.OutputEncoding;
import vigil.schemas.ControlMessage;
import vigil.schemas.Alert;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.streams.StreamId;

/** Where the scoring job writes: Kafka in production, collecting sinks in tests. */
public final class Outputs {
    final Sink<ScoreUpdate> scores;
    final Sink<Interaction> enriched;
    final Sink<DeadLetter> deadLetters;
    /** Churn models the online learner promotes, for cx.control. */
    final Sink<ControlMessage> modelUpdates;
    /** Null: the spike detector is not wired (tests that only look at the other outputs). */
    final Sink<Alert> alerts;

    /** Without alerts: the spike detector is not wired. */
    public Outputs(Sink<ScoreUpdate> scores, Sink<Interaction> enriched, Sink<DeadLetter> deadLetters,
                   Sink<ControlMessage> modelUpdates) {
        this(scores, enriched, deadLetters, modelUpdates, null);
    }

    public Outputs(Sink<ScoreUpdate> scores, Sink<Interaction> enriched, Sink<DeadLetter> deadLetters,
                   Sink<ControlMessage> modelUpdates, Sink<Alert> alerts) {
        this.scores = scores;
        this.enriched = enriched;
        this.deadLetters = deadLetters;
        this.modelUpdates = modelUpdates;
        this.alerts = alerts;
    }

    public static Outputs kafka(VigilConfig config) {
        return new Outputs(
                KafkaConnectors.sink(config, StreamId.SCORES, OutputEncoding.SCORES),
                KafkaConnectors.sink(config, StreamId.ENRICHED, OutputEncoding.ENRICHED),
                KafkaConnectors.sink(config, StreamId.DEAD_LETTERS, OutputEncoding.DEAD_LETTERS),
                KafkaConnectors.sink(config, StreamId.CONTROL, OutputEncoding.MODEL_UPDATES),
                KafkaConnectors.sink(config, StreamId.ALERTS, OutputEncoding.ALERTS));
    }
}
