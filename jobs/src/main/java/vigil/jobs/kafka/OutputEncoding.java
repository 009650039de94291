package vigil.jobs.kafka;

import org.apache.avro.specific.SpecificRecord;
import vigil.operators.churn.ModelUpdates;
import vigil.schemas.ControlMessage;
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.CatalogStatus;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.RuleStatus;
import vigil.schemas.ScoreUpdate;

import java.io.Serializable;
import java.util.function.Function;

/** How one output stream's elements become a Kafka key and record value (null for a tombstone). */
public final class OutputEncoding<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final OutputEncoding<ScoreUpdate> SCORES =
            new OutputEncoding<>(ScoreUpdate::getCustomerId, ScoreUpdate::getScore);
    public static final OutputEncoding<Interaction> ENRICHED =
            new OutputEncoding<>(Interaction::getCustomerId, interaction -> interaction);
    public static final OutputEncoding<Alert> ALERTS =
            new OutputEncoding<>(Alert::getAlertId, alert -> alert);
    public static final OutputEncoding<DeadLetter> DEAD_LETTERS =
            new OutputEncoding<>(DeadLetter::getSourceTopic, letter -> letter);
    /** The job writes only churn model updates to cx.control: one key keeps them in order. */
    public static final OutputEncoding<ControlMessage> MODEL_UPDATES =
            new OutputEncoding<>(message -> ModelUpdates.KEY, message -> message);

    /** Rule status by rule id (the message id when the rule could not be read). */
    public static final OutputEncoding<RuleStatus> RULE_STATUS =
            new OutputEncoding<>(status -> status.getRuleId() != null ? status.getRuleId() : status.getMessageId(),
                    status -> status);

    /** Top-action changes by customer id. */
    public static final OutputEncoding<ActionChange> ACTIONS =
            new OutputEncoding<>(ActionChange::getCustomerId, change -> change);
    /** Catalog status by control message id. */
    public static final OutputEncoding<CatalogStatus> CATALOG_STATUS =
            new OutputEncoding<>(CatalogStatus::getMessageId, status -> status);

    private final Part<T, String> key;
    private final Part<T, SpecificRecord> value;

    private OutputEncoding(Part<T, String> key, Part<T, SpecificRecord> value) {
        this.key = key;
        this.value = value;
    }

    public String key(T element) {
        return key.apply(element);
    }

    public SpecificRecord value(T element) {
        return value.apply(element);
    }

    private interface Part<T, R> extends Function<T, R>, Serializable {}
}
