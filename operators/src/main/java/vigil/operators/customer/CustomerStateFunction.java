package vigil.operators.customer;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vigil.operators.features.FeatureExtractor;
import vigil.operators.features.FeatureSpec;
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
import java.util.HashMap;

/**
 * Keeps each customer's state (activity per channel, last contact, profile, last outcome, churn
 * signals) and publishes the customer's score after every change, with the churn features the
 * feature spec declares, as of the state's time, and the outcome type when the event was an outcome.
 * An erasure request clears all of it and publishes a tombstone, so the compacted cx.scores topic
 * forgets the customer too.
 */
public class CustomerStateFunction extends KeyedProcessFunction<String, CustomerEvent, ScoreUpdate> {
    private final StateSettings settings;
    private final FeatureSpec featureSpec;

    private transient ValueState<CustomerState> customer;
    private transient ActivityCounter counter;
    private transient SentimentTracker sentiment;
    private transient SignalCounter signals;
    private transient ChurnSignals churnSignals;
    private transient FeatureExtractor features;
    private transient Counter erasures;
    private transient Counter scoresOut;

    /** With the shipped feature spec. */
    public CustomerStateFunction(StateSettings settings) {
        this(settings, FeatureSpec.loadDefault());
    }

    public CustomerStateFunction(StateSettings settings, FeatureSpec featureSpec) {
        this.settings = settings;
        this.featureSpec = featureSpec;
        new FeatureExtractor(featureSpec, settings.windowsMs().keySet()); // fails here, not on the cluster
    }

    @Override
    public void open(Configuration parameters) {
        customer = getRuntimeContext().getState(CustomerStateDescriptors.customer(settings));
        DecayingCounts counts = new DecayingCounts(settings.windowsMs());
        counter = new ActivityCounter(counts);
        signals = new SignalCounter(counts, featureSpec.signals());
        churnSignals = new ChurnSignals(featureSpec, signals);
        features = new FeatureExtractor(featureSpec, settings.windowsMs().keySet());
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
                    .setChannelSentiment(new ArrayList<>()).setSignals(new HashMap<>())
                    .setTopicContacts(new ArrayList<>()).build();
        }
        advance(state, event.getTimestamp());
        String label = null;
        Outcome reaction = null;
        if (payload instanceof Interaction) {
            interaction(state, (Interaction) payload);
        } else if (payload instanceof ProfileUpdate) {
            state.setProfile(ProfileMerger.merge(state.getProfile(), (ProfileUpdate) payload));
        } else if (payload instanceof Outcome) {
            Outcome outcome = (Outcome) payload;
            label = outcome.getType().name();
            reaction = outcome;
            state.setLastOutcome(outcome.getActionId() == null ? outcome.getType().name()
                    : outcome.getType().name() + ":" + outcome.getActionId());
        }
        customer.update(state);
        scoresOut.inc();
        out.collect(ScoreUpdate.newBuilder().setCustomerId(customerId).setScore(ScoreView.of(customerId, state))
                .setFeatures(features.extract(state)).setFeaturesAsOf(state.getUpdatedAt())
                .setEventTime(event.getTimestamp()).setOutcome(label)
                .setActionId(reaction == null ? null : reaction.getActionId())
                .setActionChannel(reaction == null ? null : reaction.getChannel()).build());
    }

    /** Moves every decaying count, and the state's time, forward to {@code time} if it is later. */
    private void advance(CustomerState state, long time) {
        long elapsed = time - state.getUpdatedAt();
        if (elapsed > 0) {
            counter.decay(state, elapsed);
            signals.decay(state, elapsed);
            state.setUpdatedAt(time);
        }
    }

    private void interaction(CustomerState state, Interaction interaction) {
        counter.record(state, interaction);
        sentiment.record(state, interaction);
        churnSignals.record(state, interaction);
        boolean contact = interaction.getChannel() != Channel.CLICK;
        Long last = state.getLastContactAt();
        if (contact && (last == null || interaction.getTimestamp() >= last)) {
            state.setLastContactAt(interaction.getTimestamp());
            state.setLastContactChannel(interaction.getChannel());
        }
    }
}
