package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.Party;
import vigil.schemas.RuleEvidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The customer contacts us again about the same topic within N days: a call, chat conversation or post
 * raising the topic when another one (a different conversation) raised it at most N days earlier.
 */
final class RepeatContactCondition implements Condition {
    static final String TYPE = "repeatContact";
    private static final Set<String> FIELDS = Set.of("type", "topic", "withinDays");
    private static final long DAY_MS = 86_400_000L;

    private final String topic;
    private final long withinMs;

    private RepeatContactCondition(String topic, long withinMs) {
        this.topic = topic;
        this.withinMs = withinMs;
    }

    static RepeatContactCondition from(RuleFields when, long retentionMs) throws InvalidRuleException {
        when.allowOnly(FIELDS);
        String topic = when.requiredText("topic").toLowerCase(Locale.ROOT);
        double days = when.number("withinDays", 0, 3650);
        if (days <= 0 || days * DAY_MS > retentionMs) {
            throw new InvalidRuleException(String.format(Locale.ROOT,
                    "'withinDays' must be above 0 and at most the rule state's retention of %d days "
                            + "(rules.retention), got %s", retentionMs / DAY_MS, when.get("withinDays")));
        }
        return new RepeatContactCondition(topic, (long) (days * DAY_MS));
    }

    /** A contact raising topics: a call, chat or post not by an agent or bot. */
    static boolean isTopicContact(RuleContext c) {
        return c.interaction != null && c.interaction.getChannel() != Channel.CLICK
                && c.interaction.getParty() != Party.AGENT && c.interaction.getParty() != Party.BOT
                && !c.interaction.getTopics().isEmpty();
    }

    /** The conversation a contact belongs to; a post is its own. */
    static String contactKey(String conversationId, String interactionId) {
        return conversationId != null ? conversationId : interactionId;
    }

    @Override
    public Set<MemoryNeed> needs() {
        return EnumSet.of(MemoryNeed.TOPICS);
    }

    @Override
    public boolean appliesTo(RuleContext c) {
        return isTopicContact(c) && c.interaction.getTopics().contains(topic);
    }

    @Override
    public Match evaluate(String ruleId, RuleContext c) {
        RuleEvidence before = c.state.getTopicContacts().get(topic);
        if (before == null) {
            return null;
        }
        String now = contactKey(c.interaction.getConversationId(), c.interaction.getInteractionId());
        long gap = c.time() - before.getTimestamp();
        if (now.equals(contactKey(before.getConversationId(), before.getInteractionId())) || gap < 0 || gap > withinMs) {
            return null;
        }
        RuleEvidence current = Evidence.of(c.interaction);
        return new Match(String.format(Locale.ROOT, "contacted again about %s within %.1f days: %s now, %s %.1f days earlier",
                topic, withinMs / (double) DAY_MS, c.interaction.getChannel(), before.getChannel(), gap / (double) DAY_MS),
                List.of(Evidence.describe(current), Evidence.describe(before)),
                before.getChannel() == c.interaction.getChannel() ? List.of(before.getChannel())
                        : List.of(before.getChannel(), c.interaction.getChannel()),
                topic);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s %s within %.1f days", TYPE, topic, withinMs / (double) DAY_MS);
    }
}
