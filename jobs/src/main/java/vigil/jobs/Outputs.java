package vigil.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;
import vigil.jobs.kafka.OutputEncoding;
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.CatalogStatus;
import vigil.schemas.ControlMessage;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.RuleStatus;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.streams.StreamId;

/** Where the scoring job writes: Kafka in production, collecting sinks in tests. */
public final class Outputs {
    final Sink<ScoreUpdate> scores;
    final Sink<Interaction> enriched;
    final Sink<DeadLetter> deadLetters;
    /** Churn models the online learner promotes, for cx.control. */
    final Sink<ControlMessage> modelUpdates;
    /** Null: no alerts are wired, neither the spike detector nor the customer rules (tests that only look at the other outputs). */
    final Sink<Alert> alerts;
    /** Null: the outcome of rule control messages is not written (the rules still apply). */
    final Sink<RuleStatus> ruleStatus;
    /** Null: top-action changes are not written (next-best-action still scores). */
    Sink<ActionChange> actions;
    /** Null: the outcome of catalog messages is not written. */
    Sink<CatalogStatus> catalogStatus;

    /** Without alerts: the spike detector and the customer rules are not wired. */
    public Outputs(Sink<ScoreUpdate> scores, Sink<Interaction> enriched, Sink<DeadLetter> deadLetters,
                   Sink<ControlMessage> modelUpdates) {
        this(scores, enriched, deadLetters, modelUpdates, null);
    }

    public Outputs(Sink<ScoreUpdate> scores, Sink<Interaction> enriched, Sink<DeadLetter> deadLetters,
                   Sink<ControlMessage> modelUpdates, Sink<Alert> alerts) {
        this(scores, enriched, deadLetters, modelUpdates, alerts, null);
    }

    private Outputs(Sink<ScoreUpdate> scores, Sink<Interaction> enriched, Sink<DeadLetter> deadLetters,
                    Sink<ControlMessage> modelUpdates, Sink<Alert> alerts, Sink<RuleStatus> ruleStatus) {
        this.scores = scores;
        this.enriched = enriched;
        this.deadLetters = deadLetters;
        this.modelUpdates = modelUpdates;
        this.alerts = alerts;
        this.ruleStatus = ruleStatus;
    }

    /** The same outputs, also writing the outcome of each rule control message there. */
    public Outputs withRuleStatus(Sink<RuleStatus> sink) {
        return new Outputs(scores, enriched, deadLetters, modelUpdates, alerts, sink).withActions(actions, catalogStatus);
    }

    /** The same outputs, also writing top-action changes and the outcome of catalog messages there. */
    public Outputs withActions(Sink<ActionChange> actionSink, Sink<CatalogStatus> statusSink) {
        Outputs outputs = new Outputs(scores, enriched, deadLetters, modelUpdates, alerts, ruleStatus);
        outputs.actions = actionSink;
        outputs.catalogStatus = statusSink;
        return outputs;
    }

    public static Outputs kafka(VigilConfig config) {
        return new Outputs(
                KafkaConnectors.sink(config, StreamId.SCORES, OutputEncoding.SCORES),
                KafkaConnectors.sink(config, StreamId.ENRICHED, OutputEncoding.ENRICHED),
                KafkaConnectors.sink(config, StreamId.DEAD_LETTERS, OutputEncoding.DEAD_LETTERS),
                KafkaConnectors.sink(config, StreamId.CONTROL, OutputEncoding.MODEL_UPDATES),
                KafkaConnectors.sink(config, StreamId.ALERTS, OutputEncoding.ALERTS))
                .withRuleStatus(KafkaConnectors.sink(config, StreamId.RULE_STATUS, OutputEncoding.RULE_STATUS))
                .withActions(KafkaConnectors.sink(config, StreamId.ACTIONS, OutputEncoding.ACTIONS),
                        KafkaConnectors.sink(config, StreamId.CATALOG_STATUS, OutputEncoding.CATALOG_STATUS));
    }
}
