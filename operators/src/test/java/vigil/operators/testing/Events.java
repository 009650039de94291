package vigil.operators.testing;

import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.Outcome;
import vigil.schemas.OutcomeType;
import vigil.schemas.Party;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.List;

/** Small builders of normalized events for operator tests. */
public final class Events {
    private Events() {}

    public static CustomerEvent interaction(String customer, Channel channel, String conversation, long ts) {
        Interaction i = Interaction.newBuilder().setInteractionId(customer + "-" + ts).setCustomerId(customer)
                .setChannel(channel).setKind("message").setTimestamp(ts).setConversationId(conversation)
                .setParty(Party.CUSTOMER).setText("hello").build();
        return wrap(customer, ts, i);
    }

    /** A customer's scored message; a score below zero is labelled NEGATIVE, above POSITIVE. */
    public static CustomerEvent message(String customer, Channel channel, String conversation, long ts, double score,
            String... topics) {
        SentimentLabel label = score < 0 ? SentimentLabel.NEGATIVE : score > 0 ? SentimentLabel.POSITIVE
                : SentimentLabel.NEUTRAL;
        Interaction i = Interaction.newBuilder().setInteractionId(customer + "-" + channel + "-" + ts)
                .setCustomerId(customer).setChannel(channel).setKind("message").setTimestamp(ts)
                .setConversationId(conversation).setParty(Party.CUSTOMER).setText("text")
                .setTopics(List.of(topics)).setSentiment(new Sentiment(label, score, "test")).build();
        return wrap(customer, ts, i);
    }

    /** A click event as the normalizer makes it: kind is the ClickEvent type in lower case. */
    public static CustomerEvent click(String customer, String session, long ts, String kind, String page,
            Integer errorCode) {
        Interaction i = Interaction.newBuilder().setInteractionId(customer + "-click-" + ts).setCustomerId(customer)
                .setChannel(Channel.CLICK).setKind(kind).setTimestamp(ts).setConversationId(session).setPage(page)
                .setErrorCode(errorCode).build();
        return wrap(customer, ts, i);
    }

    public static CustomerEvent outcome(String customer, long ts, OutcomeType type) {
        Outcome o = Outcome.newBuilder().setEventId("o-" + ts).setCustomerId(customer).setTimestamp(ts).setType(type)
                .build();
        return wrap(customer, ts, o);
    }

    public static CustomerEvent profile(String customer, long ts, String plan, Integer tenure) {
        ProfileUpdate p = ProfileUpdate.newBuilder().setEventId("p-" + ts).setCustomerId(customer).setTimestamp(ts)
                .setPlan(plan).setTenureMonths(tenure).build();
        return wrap(customer, ts, p);
    }

    public static CustomerEvent erasure(String customer, long ts) {
        ControlMessage c = ControlMessage.newBuilder().setId("erase-" + customer).setTimestamp(ts)
                .setType(ControlType.ERASE_CUSTOMER).setCustomerId(customer).build();
        return wrap(customer, ts, c);
    }

    private static CustomerEvent wrap(String customer, long ts, Object payload) {
        return CustomerEvent.newBuilder().setCustomerId(customer).setTimestamp(ts).setPayload(payload).build();
    }
}
