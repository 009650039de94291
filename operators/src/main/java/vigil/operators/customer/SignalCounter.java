package vigil.operators.customer;

import vigil.schemas.CustomerState;
import vigil.schemas.SignalState;

import java.util.HashMap;
import java.util.Set;

/**
 * Counts churn signals (negative messages, complaints per topic, repeat contacts, click signals)
 * in the customer's {@code signals} map, in the same decaying windows as the activity counts and as
 * of the same time. Only the signals some feature reads are kept, so state grows with the feature
 * spec, not with the traffic.
 */
public final class SignalCounter {
    public static final String NEGATIVE = "negative";
    public static final String REPEAT_CONTACTS = "repeatContacts";

    private final DecayingCounts counts;
    private final Set<String> tracked;

    /** @param tracked the signal names to keep; others are ignored */
    public SignalCounter(DecayingCounts counts, Set<String> tracked) {
        this.counts = counts;
        this.tracked = Set.copyOf(tracked);
    }

    public static String complaints(String topic) {
        return "complaints." + topic;
    }

    public static String clicks(String signal) {
        return "clicks." + signal;
    }

    public boolean tracks(String signal) {
        return tracked.contains(signal);
    }

    /** Moves every count {@code elapsedMs} forward; the caller then moves the state's time. */
    public void decay(CustomerState state, long elapsedMs) {
        for (SignalState signal : state.getSignals().values()) {
            counts.decay(signal.getDecayed(), elapsedMs);
        }
    }

    /**
     * Counts one occurrence at time {@code at} (at most the state's time). With a conversation, a
     * session or conversation counts once, at its earliest event, whatever the arrival order: a
     * further event of the conversation counted last only moves it earlier.
     */
    public void add(CustomerState state, String signal, long at, String conversation) {
        if (!tracked.contains(signal)) {
            return;
        }
        SignalState s = state.getSignals().computeIfAbsent(signal, k -> SignalState.newBuilder()
                .setDecayed(new HashMap<>()).setLastAt(Long.MIN_VALUE).build());
        long now = state.getUpdatedAt();
        if (conversation != null && conversation.equals(s.getLastConversation())) {
            if (at < s.getConversationAt()) {
                counts.subtract(s.getDecayed(), now - s.getConversationAt());
                counts.add(s.getDecayed(), now - at);
                s.setConversationAt(at);
            }
            return;
        }
        s.setLastConversation(conversation);
        s.setConversationAt(at);
        s.setLastAt(Math.max(s.getLastAt(), at));
        counts.add(s.getDecayed(), now - at);
    }

    /** The decayed count of a signal in a window, 0 when it never happened. */
    public static double count(CustomerState state, String signal, String window) {
        SignalState s = state.getSignals().get(signal);
        return s == null ? 0 : s.getDecayed().getOrDefault(window, 0.0);
    }
}
