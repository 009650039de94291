package vigil.operators.customer;

import vigil.operators.features.ClickSignal;
import vigil.operators.features.FeatureSpec;
import vigil.schemas.Channel;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.SentimentLabel;

/**
 * Decides which churn signals an interaction raises and counts them: a negative message of the
 * customer (and a complaint about each of its topics), a repeat contact about a topic, a click
 * matching one of the spec's click signals (once per session).
 */
public final class ChurnSignals {
    private final FeatureSpec spec;
    private final SignalCounter counter;
    private final TopicMemory topics;

    public ChurnSignals(FeatureSpec spec, SignalCounter counter) {
        this.spec = spec;
        this.counter = counter;
        this.topics = counter.tracks(SignalCounter.REPEAT_CONTACTS) ? new TopicMemory(spec.repeatWithinMs()) : null;
    }

    /** Folds one interaction in, once the state's time has moved to the event's (if later). */
    public void record(CustomerState state, Interaction interaction) {
        long at = interaction.getTimestamp();
        if (interaction.getChannel() == Channel.CLICK) {
            for (ClickSignal signal : spec.clickSignals().values()) {
                if (signal.matches(interaction)) {
                    counter.add(state, SignalCounter.clicks(signal.name()), at, interaction.getConversationId());
                }
            }
            return;
        }
        if (interaction.getParty() != null && interaction.getParty() != Party.CUSTOMER) {
            return; // what an agent or a bot says is not the customer's complaint
        }
        if (interaction.getSentiment() != null && interaction.getSentiment().getLabel() == SentimentLabel.NEGATIVE) {
            counter.add(state, SignalCounter.NEGATIVE, at, null);
            interaction.getTopics().forEach(topic -> counter.add(state, SignalCounter.complaints(topic), at, null));
        }
        if (topics != null) {
            String contact = interaction.getConversationId() != null ? interaction.getConversationId()
                    : interaction.getInteractionId();
            for (String topic : interaction.getTopics()) {
                if (spec.repeatCounts(topic)) {
                    topics.raise(state, topic, contact, at)
                            .forEach(repeatAt -> counter.add(state, SignalCounter.REPEAT_CONTACTS, repeatAt, null));
                }
            }
        }
    }
}
