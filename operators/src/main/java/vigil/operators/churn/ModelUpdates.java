package vigil.operators.churn;

import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;

/**
 * The hot-swap protocol on cx.control: a {@link ControlType#MODEL_UPDATE} message whose payload is
 * the whole churn model as JSON. Messages from the online learner say so in {@code issuedBy}, and
 * their id names the model version.
 */
public final class ModelUpdates {
    /** {@code issuedBy} of the models the online learner publishes. */
    public static final String LEARNER = "online-learner";
    /** Kafka key of churn model updates: one key keeps them in one partition, in order. */
    public static final String KEY = "churn-model";

    private ModelUpdates() {}

    public static boolean isModelUpdate(ControlMessage message) {
        return message.getType() == ControlType.MODEL_UPDATE;
    }

    public static boolean fromLearner(ControlMessage message) {
        return LEARNER.equals(message.getIssuedBy());
    }

    /** The message announcing a model the learner promoted. */
    public static ControlMessage fromLearner(OnlineLinearModel model, long issuedAt) {
        return ControlMessage.newBuilder()
                .setId(LEARNER + ":" + model.id() + ":v" + model.version())
                .setTimestamp(issuedAt)
                .setType(ControlType.MODEL_UPDATE)
                .setPayload(model.toJson())
                .setIssuedBy(LEARNER)
                .build();
    }
}
