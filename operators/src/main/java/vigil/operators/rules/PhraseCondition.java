package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.LiveConversation;
import vigil.schemas.Party;
import vigil.schemas.PhraseHit;
import vigil.schemas.RuleEvidence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A phrase said (or not said) in a call or chat, by the customer, the agent or either, anywhere or in
 * the first or last N seconds. "Said" anywhere or in the first N seconds fires as the turn arrives;
 * "said in the last N seconds" and "not said" are decided when the conversation ends (a call's ENDED,
 * a chat's CLOSED). Offsets are the call's own (offsetMs), or time since the conversation's first event.
 */
final class PhraseCondition implements Condition {
    static final String TYPE = "phrase";
    private static final Set<String> FIELDS = Set.of("type", "phrases", "said", "by", "window", "channels");
    private static final int MAX_HITS_PER_RULE = 3;

    enum Speaker { CUSTOMER, AGENT, EITHER }

    private final List<String> phrases;
    private final List<String> normalized;
    private final boolean said;
    private final Speaker by;
    /** Window in milliseconds from the start (first) or before the end (last); both null: the whole conversation. */
    private final Long firstMs;
    private final Long lastMs;
    private final Set<Channel> channels;

    private PhraseCondition(List<String> phrases, boolean said, Speaker by, Long firstMs, Long lastMs,
                            Set<Channel> channels) {
        this.phrases = phrases;
        this.normalized = phrases.stream().map(Phrases::normalize).collect(Collectors.toList());
        this.said = said;
        this.by = by;
        this.firstMs = firstMs;
        this.lastMs = lastMs;
        this.channels = channels;
    }

    static PhraseCondition from(RuleFields when) throws InvalidRuleException {
        when.allowOnly(FIELDS);
        List<String> phrases = when.texts("phrases", 50);
        for (String phrase : phrases) {
            if (Phrases.normalize(phrase).isEmpty() || phrase.length() > 200) {
                throw new InvalidRuleException("phrase \"" + phrase + "\" must have a word and at most 200 characters");
            }
        }
        Speaker by = when.has("by") ? when.choice("by", Speaker.class) : Speaker.EITHER;
        Long first = null;
        Long last = null;
        if (when.has("window")) {
            RuleFields window = when.object("window");
            window.allowOnly(Set.of("first", "last"));
            if (window.has("first") == window.has("last")) {
                throw new InvalidRuleException("'window' needs exactly one of 'first' or 'last' (seconds)");
            }
            String side = window.has("first") ? "first" : "last";
            long ms = window.integer(side, 1, 86_400) * 1000L;
            if (side.equals("first")) {
                first = ms;
            } else {
                last = ms;
            }
        }
        Set<Channel> channels = ConditionFields.channels(when, EnumSet.of(Channel.CALL),
                EnumSet.of(Channel.CALL, Channel.CHAT));
        return new PhraseCondition(phrases, when.optionalBoolean("said", true), by, first, last, channels);
    }

    @Override
    public Set<MemoryNeed> needs() {
        return EnumSet.of(MemoryNeed.CONVERSATIONS);
    }

    @Override
    public boolean appliesTo(RuleContext c) {
        return c.conversation != null && channels.contains(c.interaction.getChannel())
                && (c.conversationEnd || c.isTextBy(party()));
    }

    @Override
    public Match evaluate(String ruleId, RuleContext c) {
        return c.conversationEnd ? atEnd(ruleId, c) : onTurn(ruleId, c);
    }

    private Match onTurn(String ruleId, RuleContext c) {
        int found = Phrases.find(c.interaction.getText(), normalized);
        if (found < 0 || (firstMs != null && c.offsetMs > firstMs)) {
            return null;
        }
        List<PhraseHit> hits = c.conversation.getPhraseHits();
        boolean firstHit = hits.stream().noneMatch(h -> h.getRuleId().equals(ruleId));
        RuleEvidence evidence = Evidence.of(c.interaction);
        hits.add(PhraseHit.newBuilder().setRuleId(ruleId).setOffsetMs(c.offsetMs).setEvidence(evidence).build());
        trim(hits, ruleId);
        if (!said || lastMs != null || !firstHit) {
            return null;
        }
        String where = firstMs == null ? "" : " (within the first " + firstMs / 1000 + " s)";
        return new Match(c.interaction.getParty() + " said \"" + phrases.get(found) + "\" " + c.offsetMs / 1000
                + " s into " + conversation(c.conversation) + where,
                List.of(Evidence.describe(evidence, c.offsetMs)), List.of(c.interaction.getChannel()));
    }

    private Match atEnd(String ruleId, RuleContext c) {
        long end = c.offsetMs;
        List<PhraseHit> relevant = new ArrayList<>();
        for (PhraseHit hit : c.conversation.getPhraseHits()) {
            if (hit.getRuleId().equals(ruleId) && (lastMs == null || hit.getOffsetMs() >= end - lastMs)) {
                relevant.add(hit);
            }
        }
        String window = firstMs != null ? "in the first " + firstMs / 1000 + " s of"
                : lastMs != null ? "in the last " + lastMs / 1000 + " s of" : "during";
        List<Channel> sources = List.of(c.interaction.getChannel());
        if (said && lastMs != null && !relevant.isEmpty()) {
            PhraseHit hit = relevant.get(relevant.size() - 1);
            return new Match((by == Speaker.EITHER ? "someone" : by.name()) + " said " + quoted() + " " + window + " " + conversation(c.conversation),
                    List.of(Evidence.describe(hit.getEvidence(), hit.getOffsetMs())), sources);
        }
        if (!said && relevant.isEmpty()) {
            return new Match((by == Speaker.EITHER ? "nobody said " : by.name() + " did not say ") + quoted() + " " + window
                    + " " + conversation(c.conversation) + " (" + end / 1000 + " s long)",
                    List.of(Evidence.describe(Evidence.of(c.interaction), end)), sources);
        }
        return null;
    }

    private Party party() {
        return by == Speaker.EITHER ? null : Party.valueOf(by.name());
    }

    private String quoted() {
        return phrases.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(" or "));
    }

    private static String conversation(LiveConversation conversation) {
        return conversation.getChannel() + " " + conversation.getConversationId();
    }

    /** Keeps the newest hits of one rule only. */
    private static void trim(List<PhraseHit> hits, String ruleId) {
        long count = hits.stream().filter(h -> h.getRuleId().equals(ruleId)).count();
        for (int i = 0; i < hits.size() && count > MAX_HITS_PER_RULE; i++) {
            if (hits.get(i).getRuleId().equals(ruleId)) {
                hits.remove(i--);
                count--;
            }
        }
    }

    @Override
    public String describe() {
        String window = firstMs != null ? " in the first " + firstMs / 1000 + " s"
                : lastMs != null ? " in the last " + lastMs / 1000 + " s" : "";
        return TYPE + (said ? " said" : " not said") + " by " + by + window + ": " + quoted();
    }
}
