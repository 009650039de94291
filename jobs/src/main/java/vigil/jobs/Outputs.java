package vigil.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.OutputEncoding;
import vigil.jobs.streams.Connectors;
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.CatalogStatus;
import vigil.schemas.ControlMessage;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.RuleStatus;
import vigil.schemas.ScoreUpdate;
import vigil.schemas.streams.StreamId;

/** Where the scoring job writes: Kafka or Pulsar topics in production, collecting sinks in tests. */
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

    /** Every output on its configured system: a Kafka topic, or a Pulsar topic (`systems:`). */
    public static Outputs kafka(VigilConfig config) {
        return new Outputs(
                Connectors.sink(config, StreamId.SCORES, OutputEncoding.SCORES),
                Connectors.sink(config, StreamId.ENRICHED, OutputEncoding.ENRICHED),
                Connectors.sink(config, StreamId.DEAD_LETTERS, OutputEncoding.DEAD_LETTERS),
                Connectors.sink(config, StreamId.CONTROL, OutputEncoding.MODEL_UPDATES),
                Connectors.sink(config, StreamId.ALERTS, OutputEncoding.ALERTS))
                .withRuleStatus(Connectors.sink(config, StreamId.RULE_STATUS, OutputEncoding.RULE_STATUS))
                .withActions(Connectors.sink(config, StreamId.ACTIONS, OutputEncoding.ACTIONS),
                        Connectors.sink(config, StreamId.CATALOG_STATUS, OutputEncoding.CATALOG_STATUS));
    }
}
