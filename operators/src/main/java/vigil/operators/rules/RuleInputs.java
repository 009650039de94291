package vigil.operators.rules;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Channel;
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
 * outcomes, clicks other than cancel-page visits and scores without a risk are of no use to any rule
 * and are left out.
 */
public final class RuleInputs {
    private RuleInputs() {}

    /** Interactions any rule can use (clicks only when they are cancel-page visits) and erasures. */
    public static final class FromEvents implements FlatMapFunction<CustomerEvent, RuleInput> {
        private final CancelPages cancelPages;

        public FromEvents(RuleSettings settings) {
            this.cancelPages = new CancelPages(settings.cancelPages());
        }

        @Override
        public void flatMap(CustomerEvent event, Collector<RuleInput> out) {
            Object payload = event.getPayload();
            if (payload instanceof Interaction && usable((Interaction) payload)) {
                out.collect(RuleInput.newBuilder().setCustomerId(event.getCustomerId())
                        .setTimestamp(event.getTimestamp()).setInteraction((Interaction) payload).build());
            } else if (payload instanceof ControlMessage
                    && ((ControlMessage) payload).getType() == ControlType.ERASE_CUSTOMER) {
                out.collect(erased(event.getCustomerId(), event.getTimestamp()));
            }
        }

        /** Page views and clicks are most of the traffic and of no use to a rule unless they are cancel visits. */
        private boolean usable(Interaction i) {
            return i.getChannel() != Channel.CLICK || cancelPages.isVisit(i);
        }
    }

    /** The scores' churn risk readings and tombstones. */
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
