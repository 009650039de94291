package vigil.operators.customer;

import vigil.schemas.ActivityState;
import vigil.schemas.Channel;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Counts a customer's contacts per channel in exponentially decaying windows ({@link DecayingCounts}),
 * kept as of {@link CustomerState#getUpdatedAt()}, so the result does not depend on arrival order.
 *
 * <p>A contact is a conversation (a call, a chat, a click session) or a social post: the many
 * segments or messages of one conversation count once.
 */
public final class ActivityCounter {
    /** Conversation ids remembered per channel, to recognise interleaved conversations. */
    static final int RECENT_CONVERSATIONS = 8;

    private final DecayingCounts counts;

    public ActivityCounter(DecayingCounts counts) {
        this.counts = counts;
    }

    /** Moves every count {@code elapsedMs} forward; the caller then moves the state's time. */
    public void decay(CustomerState state, long elapsedMs) {
        for (ActivityState activity : state.getActivity()) {
            counts.decay(activity.getDecayed(), elapsedMs);
        }
    }

    /** Folds one interaction in, once the state's time has moved to the event's (if later). */
    public void record(CustomerState state, Interaction interaction) {
        ActivityState activity = forChannel(state, interaction.getChannel());
        activity.setLastAt(Math.max(activity.getLastAt(), interaction.getTimestamp()));
        if (!isNewContact(activity, interaction.getConversationId())) {
            return;
        }
        activity.setTotal(activity.getTotal() + 1);
        counts.add(activity.getDecayed(), state.getUpdatedAt() - interaction.getTimestamp());
    }

    private static boolean isNewContact(ActivityState activity, String conversationId) {
        if (conversationId == null) {
            return true;
        }
        List<String> recent = activity.getRecentConversations();
        if (recent.contains(conversationId)) {
            return false;
        }
        recent.add(conversationId);
        if (recent.size() > RECENT_CONVERSATIONS) {
            recent.remove(0);
        }
        return true;
    }

    private static ActivityState forChannel(CustomerState state, Channel channel) {
        for (ActivityState activity : state.getActivity()) {
            if (activity.getChannel() == channel) {
                return activity;
            }
        }
        ActivityState created = ActivityState.newBuilder().setChannel(channel).setTotal(0)
                .setDecayed(new HashMap<>()).setLastAt(Long.MIN_VALUE)
                .setRecentConversations(new ArrayList<>()).build();
        state.getActivity().add(created);
        return created;
    }
}
