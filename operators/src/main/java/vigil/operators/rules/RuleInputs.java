package vigil.operators.rules;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerEvent;
import vigil.schemas.CustomerScore;
import vigil.schemas.Interaction;
import vigil.schemas.RuleInput;
import vigil.schemas.ScoreUpdate;

/**
 * What the customer rules see: interactions and erasure requests from the customer events, and from
 * the churn scores the published risk with the value tier (a tombstone is an erasure). Profiles,
 * outcomes and scores without a risk are of no use to any rule and are left out.
 */
public final class RuleInputs {
    private RuleInputs() {}

    public static final class FromEvents implements FlatMapFunction<CustomerEvent, RuleInput> {
        @Override
        public void flatMap(CustomerEvent event, Collector<RuleInput> out) {
            Object payload = event.getPayload();
            if (payload instanceof Interaction) {
                out.collect(RuleInput.newBuilder().setCustomerId(event.getCustomerId())
                        .setTimestamp(event.getTimestamp()).setInteraction((Interaction) payload).build());
            } else if (payload instanceof ControlMessage
                    && ((ControlMessage) payload).getType() == ControlType.ERASE_CUSTOMER) {
                out.collect(erased(event.getCustomerId(), event.getTimestamp()));
            }
        }
    }

    public static final class FromScores implements FlatMapFunction<ScoreUpdate, RuleInput> {
        @Override
        public void flatMap(ScoreUpdate update, Collector<RuleInput> out) {
            CustomerScore score = update.getScore();
            if (score == null) {
                out.collect(erased(update.getCustomerId(), update.getEventTime()));
            } else if (score.getChurnRisk() != null) {
                out.collect(RuleInput.newBuilder().setCustomerId(update.getCustomerId())
                        .setTimestamp(update.getEventTime()).setChurnRisk(score.getChurnRisk())
                        .setValueTier(score.getProfile() == null ? null : score.getProfile().getValueTier()).build());
            }
        }
    }

    static RuleInput erased(String customerId, long time) {
        return RuleInput.newBuilder().setCustomerId(customerId).setTimestamp(time).setErased(true).build();
    }
}
