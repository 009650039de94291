package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.Interaction;
import vigil.schemas.LiveConversation;
import vigil.schemas.SentimentRun;
import vigil.schemas.RuleCustomerState;
import vigil.schemas.RuleEvidence;
import vigil.schemas.RuleInput;
import vigil.schemas.SentimentLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;

/**
 * What the rules remember of a customer between events, kept only for what the active rules need
 * ({@link MemoryNeed}): the last churn risk, the latest contact per topic, the latest negative call
 * turn and cancel-page visit, and the live calls and chats. {@link #open} places an input in its
 * conversation before the conditions look at it; {@link #fold} records it afterwards and forgets what
 * has aged out.
 */
final class CustomerMemory {
    private final RuleSettings settings;
    private final CancelPages cancelPages;

    CustomerMemory(RuleSettings settings) {
        this.settings = settings;
        this.cancelPages = new CancelPages(settings.cancelPages());
    }

    static RuleCustomerState empty(long time) {
        return RuleCustomerState.newBuilder().setLastSeen(time).setTopicContacts(new HashMap<>())
                .setConversations(new ArrayList<>()).setLastFired(new HashMap<>()).build();
    }

    /** Nothing worth keeping: the customer's state can be dropped. */
    static boolean isEmpty(RuleCustomerState s) {
        return s.getLastRisk() == null && s.getLastNegativeCall() == null && s.getLastCancelVisit() == null
                && s.getTopicContacts().isEmpty() && s.getConversations().isEmpty() && s.getLastFired().isEmpty();
    }

    RuleContext open(RuleCustomerState state, RuleInput input, Set<MemoryNeed> needs) {
        Interaction i = input.getInteraction();
        LiveConversation conversation = null;
        long offset = 0;
        boolean end = false;
        if (i != null && needs.contains(MemoryNeed.CONVERSATIONS) && i.getConversationId() != null
                && (i.getChannel() == Channel.CALL || i.getChannel() == Channel.CHAT)) {
            conversation = conversation(state, i);
            offset = i.getOffsetMs() != null ? i.getOffsetMs() : Math.max(0, i.getTimestamp() - conversation.getStartedAt());
            conversation.setLastAt(Math.max(conversation.getLastAt(), i.getTimestamp()));
            conversation.setEndOffsetMs(Math.max(conversation.getEndOffsetMs(), offset));
            end = isEnd(i);
            if (end) {
                offset = conversation.getEndOffsetMs();
            }
        }
        return new RuleContext(input, state, conversation, offset, end, i != null && cancelPages.isVisit(i),
                i != null && isNegativeCallTurn(i));
    }

    /**
     * State read back from RocksDB holds Avro's own arrays, whose iterators cannot remove: copy every
     * list the rules edit into an ArrayList before they touch it.
     */
    static void mutableLists(RuleCustomerState state) {
        List<LiveConversation> conversations = new ArrayList<>(state.getConversations().size());
        for (LiveConversation c : state.getConversations()) {
            c.setPhraseHits(new ArrayList<>(c.getPhraseHits()));
            List<SentimentRun> runs = new ArrayList<>(c.getRuns().size());
            for (SentimentRun run : c.getRuns()) {
                run.setEvidence(new ArrayList<>(run.getEvidence()));
                runs.add(run);
            }
            c.setRuns(runs);
            conversations.add(c);
        }
        state.setConversations(conversations);
    }

    void fold(RuleContext c, Set<MemoryNeed> needs) {
        RuleCustomerState s = c.state;
        long now = c.time();
        s.setLastSeen(Math.max(s.getLastSeen(), now));
        if (!needs.contains(MemoryNeed.RISK)) {
            s.setLastRisk(null);
        } else if (c.isRiskReading()) {
            s.setLastRisk(c.input.getChurnRisk());
        }
        if (!needs.contains(MemoryNeed.CANCEL_AFTER_CALL)) {
            s.setLastNegativeCall(null);
            s.setLastCancelVisit(null);
        } else if (c.negativeCallTurn && newer(c.interaction, s.getLastNegativeCall())) {
            s.setLastNegativeCall(Evidence.of(c.interaction));
        } else if (c.cancelVisit && newer(c.interaction, s.getLastCancelVisit())) {
            s.setLastCancelVisit(Evidence.of(c.interaction));
        }
        if (!needs.contains(MemoryNeed.TOPICS)) {
            s.getTopicContacts().clear();
        } else if (RepeatContactCondition.isTopicContact(c)) {
            for (String topic : c.interaction.getTopics()) {
                if (newer(c.interaction, s.getTopicContacts().get(topic))) {
                    s.getTopicContacts().put(topic, Evidence.of(c.interaction));
                }
            }
        }
        if (!needs.contains(MemoryNeed.CONVERSATIONS)) {
            s.getConversations().clear();
        } else if (c.conversationEnd) {
            s.getConversations().remove(c.conversation);
        }
        forgetOld(s, now);
    }

    private void forgetOld(RuleCustomerState s, long now) {
        s.getConversations().removeIf(v -> v.getLastAt() < now - settings.conversationTimeoutMs());
        s.getTopicContacts().values().removeIf(e -> e.getTimestamp() < now - settings.retentionMs());
        s.getLastFired().values().removeIf(t -> Math.abs(now - t) >= settings.coolDownMs());
    }

    private static LiveConversation conversation(RuleCustomerState state, Interaction i) {
        for (LiveConversation c : state.getConversations()) {
            if (c.getConversationId().equals(i.getConversationId()) && c.getChannel() == i.getChannel()) {
                c.setStartedAt(Math.min(c.getStartedAt(), i.getTimestamp()));
                return c;
            }
        }
        LiveConversation c = LiveConversation.newBuilder().setConversationId(i.getConversationId())
                .setChannel(i.getChannel()).setStartedAt(i.getTimestamp()).setLastAt(i.getTimestamp())
                .setEndOffsetMs(0).setPhraseHits(new ArrayList<>()).setRuns(new ArrayList<>()).build();
        state.getConversations().add(c);
        return c;
    }

    private static boolean isEnd(Interaction i) {
        String kind = i.getKind().toLowerCase(Locale.ROOT);
        return i.getChannel() == Channel.CALL ? kind.equals("ended") : kind.equals("closed");
    }

    private static boolean isNegativeCallTurn(Interaction i) {
        return i.getChannel() == Channel.CALL && i.getParty() == vigil.schemas.Party.CUSTOMER
                && i.getSentiment() != null && i.getSentiment().getLabel() == SentimentLabel.NEGATIVE;
    }

    private static boolean newer(Interaction i, RuleEvidence known) {
        return known == null || i.getTimestamp() >= known.getTimestamp();
    }
}
