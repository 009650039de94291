package vigil.operators.customer;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerEvent;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;
import vigil.schemas.Outcome;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.ScoreUpdate;

import java.io.IOException;
import java.util.ArrayList;

/**
 * Keeps each customer's state (activity per channel, last contact, profile, last outcome) and
 * publishes the customer's score after every change. An erasure request clears all of it and
 * publishes a tombstone, so the compacted cx.scores topic forgets the customer too.
 */
public class CustomerStateFunction extends KeyedProcessFunction<String, CustomerEvent, ScoreUpdate> {
    private final StateSettings settings;

    private transient ValueState<CustomerState> customer;
    private transient ActivityCounter counter;
    private transient SentimentTracker sentiment;
    private transient Counter erasures;
    private transient Counter scoresOut;

    public CustomerStateFunction(StateSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        customer = getRuntimeContext().getState(CustomerStateDescriptors.customer(settings));
        counter = new ActivityCounter(settings.windowsMs());
        sentiment = new SentimentTracker(settings.sentimentAlpha(), settings.sentimentTrendWindow());
        erasures = getRuntimeContext().getMetricGroup().counter("erasures");
        scoresOut = getRuntimeContext().getMetricGroup().counter("scoresOut");
    }

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<ScoreUpdate> out) throws IOException {
        String customerId = ctx.getCurrentKey();
        Object payload = event.getPayload();
        if (payload instanceof ControlMessage && ((ControlMessage) payload).getType() == ControlType.ERASE_CUSTOMER) {
            customer.clear();
            erasures.inc();
            out.collect(ScoreUpdate.newBuilder().setCustomerId(customerId).setScore(null)
                    .setEventTime(event.getTimestamp()).build());
            return;
        }
        CustomerState state = customer.value();
        if (state == null) {
            state = CustomerState.newBuilder().setUpdatedAt(event.getTimestamp()).setActivity(new ArrayList<>())
                    .setChannelSentiment(new ArrayList<>()).build();
        }
        counter.advance(state, event.getTimestamp());
        if (payload instanceof Interaction) {
            interaction(state, (Interaction) payload);
        } else if (payload instanceof ProfileUpdate) {
            state.setProfile(ProfileMerger.merge(state.getProfile(), (ProfileUpdate) payload));
        } else if (payload instanceof Outcome) {
            Outcome outcome = (Outcome) payload;
            state.setLastOutcome(outcome.getActionId() == null ? outcome.getType().name()
                    : outcome.getType().name() + ":" + outcome.getActionId());
        }
        customer.update(state);
        scoresOut.inc();
        out.collect(ScoreUpdate.newBuilder().setCustomerId(customerId).setScore(ScoreView.of(customerId, state))
                .setFeaturesAsOf(state.getUpdatedAt()).setEventTime(event.getTimestamp()).build());
    }

    private void interaction(CustomerState state, Interaction interaction) {
        counter.record(state, interaction);
        sentiment.record(state, interaction);
        boolean contact = interaction.getChannel() != Channel.CLICK;
        Long last = state.getLastContactAt();
        if (contact && (last == null || interaction.getTimestamp() >= last)) {
            state.setLastContactAt(interaction.getTimestamp());
            state.setLastContactChannel(interaction.getChannel());
        }
    }
}
