package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.RuleInput;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;
import vigil.schemas.ValueTier;

import java.util.List;

/** Builders of rule inputs and rule control messages for the rule tests. */
final class RuleInputsForTests {
    static final long T0 = 1_700_000_000_000L;
    static final long MIN = 60_000L;
    static final long DAY = 86_400_000L;

    private RuleInputsForTests() {}

    /** A call segment at {@code offsetS} seconds into call {@code call} started at {@code start}. */
    static RuleInput segment(String customer, String call, long start, long offsetS, Party party, String text,
                             double score, String... topics) {
        long ts = start + offsetS * 1000;
        Interaction i = base(customer, Channel.CALL, "segment", call, ts).setParty(party).setText(text)
                .setOffsetMs(offsetS * 1000).setTopics(List.of(topics)).setSentiment(sentiment(score)).build();
        return input(i);
    }

    static RuleInput callEnded(String customer, String call, long start, long lengthS) {
        long ts = start + lengthS * 1000;
        return input(base(customer, Channel.CALL, "ended", call, ts).setOffsetMs(lengthS * 1000).build());
    }

    static RuleInput chat(String customer, String conversation, long ts, double score, String text, String... topics) {
        return input(base(customer, Channel.CHAT, "message", conversation, ts).setParty(Party.CUSTOMER).setText(text)
                .setTopics(List.of(topics)).setSentiment(sentiment(score)).build());
    }

    static RuleInput click(String customer, long ts, String kind, String page) {
        return input(base(customer, Channel.CLICK, kind, "s-" + ts, ts).setPage(page).build());
    }

    static RuleInput risk(String customer, long ts, double risk, ValueTier tier) {
        return RuleInput.newBuilder().setCustomerId(customer).setTimestamp(ts).setChurnRisk(risk).setValueTier(tier)
                .build();
    }

    static RuleInput erased(String customer, long ts) {
        return RuleInputs.erased(customer, ts);
    }

    static ControlMessage upsert(String id, String json) {
        return control(id, ControlType.RULE_UPSERT, json);
    }

    static ControlMessage pause(String id, String payload) {
        return control(id, ControlType.RULE_PAUSE, payload);
    }

    static ControlMessage delete(String id, String ruleId) {
        return control(id, ControlType.RULE_DELETE, ruleId);
    }

    /** A rule with the given condition JSON, severity HIGH. */
    static String rule(String id, String when) {
        return "{\"id\":\"" + id + "\",\"name\":\"Rule " + id + "\",\"severity\":\"HIGH\",\"when\":" + when + "}";
    }

    private static ControlMessage control(String id, ControlType type, String payload) {
        return ControlMessage.newBuilder().setId(id).setTimestamp(T0).setType(type).setPayload(payload)
                .setIssuedBy("test").build();
    }

    private static Interaction.Builder base(String customer, Channel channel, String kind, String conversation, long ts) {
        return Interaction.newBuilder().setInteractionId(customer + "-" + channel + "-" + ts).setCustomerId(customer)
                .setChannel(channel).setKind(kind).setTimestamp(ts).setConversationId(conversation);
    }

    private static Sentiment sentiment(double score) {
        SentimentLabel label = score < -0.2 ? SentimentLabel.NEGATIVE : score > 0.2 ? SentimentLabel.POSITIVE
                : SentimentLabel.NEUTRAL;
        return new Sentiment(label, score, "test");
    }

    private static RuleInput input(Interaction i) {
        return RuleInput.newBuilder().setCustomerId(i.getCustomerId()).setTimestamp(i.getTimestamp()).setInteraction(i)
                .build();
    }
}
