package vigil.operators.customer;

import vigil.schemas.ActivityState;
import vigil.schemas.Channel;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a customer's contacts per channel in exponentially decaying windows. A count with window
 * W weighs a contact by exp(-age / W), so for a steady rate it equals the number of contacts in the
 * last W, while recent contacts count more. Counts are kept as of {@link CustomerState#getUpdatedAt()},
 * so a late event is simply added with its age's weight: the result does not depend on arrival order.
 *
 * <p>A contact is a conversation (a call, a chat, a click session) or a social post: the many
 * segments or messages of one conversation count once.
 */
public final class ActivityCounter {
    /** Conversation ids remembered per channel, to recognise interleaved conversations. */
    static final int RECENT_CONVERSATIONS = 8;

    private final Map<String, Long> windowsMs;

    public ActivityCounter(Map<String, Long> windowsMs) {
        this.windowsMs = windowsMs;
    }

    /** Moves every count forward to {@code time}, if it is later than the state's current time. */
    public void advance(CustomerState state, long time) {
        long elapsed = time - state.getUpdatedAt();
        if (elapsed <= 0) {
            return;
        }
        for (ActivityState activity : state.getActivity()) {
            Map<String, Double> decayed = activity.getDecayed();
            windowsMs.forEach((label, window) ->
                    decayed.computeIfPresent(label, (k, v) -> v * Math.exp(-(double) elapsed / window)));
        }
        state.setUpdatedAt(time);
    }

    /** Folds one interaction in; call {@link #advance} with the event time first. */
    public void record(CustomerState state, Interaction interaction) {
        ActivityState activity = forChannel(state, interaction.getChannel());
        activity.setLastAt(Math.max(activity.getLastAt(), interaction.getTimestamp()));
        if (!isNewContact(activity, interaction.getConversationId())) {
            return;
        }
        activity.setTotal(activity.getTotal() + 1);
        double age = Math.max(0, state.getUpdatedAt() - interaction.getTimestamp());
        windowsMs.forEach((label, window) ->
                activity.getDecayed().merge(label, Math.exp(-age / window), Double::sum));
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
