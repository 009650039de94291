package vigil.operators.customer;

import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.ChannelSentimentState;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentimentTrackerTest {
    private final SentimentTracker tracker = new SentimentTracker(0.5, 3);

    @Test
    void averagesTheCustomersOwnMessagesPerChannelAndOverall() {
        CustomerState state = newState();
        tracker.record(state, message(Channel.CHAT, Party.CUSTOMER, "v", 0, 1.0));
        tracker.record(state, message(Channel.CHAT, Party.CUSTOMER, "v", 0, -1.0));
        tracker.record(state, message(Channel.CHAT, Party.AGENT, "v", 0, 1.0));
        tracker.record(state, message(Channel.SOCIAL, null, null, 0, -0.5));

        ChannelSentimentState chat = state.getChannelSentiment().get(0);
        assertThat(chat.getLevel()).as("1 then halfway to -1").isCloseTo(0.0, within(1e-9));
        assertThat(chat.getSamples()).as("the agent's message does not count").isEqualTo(2);
        assertThat(state.getChannelSentiment().get(1).getLevel()).isCloseTo(-0.5, within(1e-9));
        assertThat(state.getSentiment()).isCloseTo(-0.25, within(1e-9));
    }

    @Test
    void trendIsTheSlopeOverTheLastMessages() {
        assertThat(SentimentTracker.slope(List.of(-1.0, 0.0, 1.0))).isCloseTo(1.0, within(1e-9));
        assertThat(SentimentTracker.slope(List.of(0.5, 0.5))).isCloseTo(0.0, within(1e-9));
        assertThat(SentimentTracker.slope(List.of(0.2))).isZero();
        CustomerState state = newState();
        for (double score : new double[] {0.9, 0.8, 0.1, -0.4, -0.9}) {
            tracker.record(state, message(Channel.CALL, Party.CUSTOMER, "k", 0, score));
        }
        List<Double> recent = state.getChannelSentiment().get(0).getRecent();
        assertThat(recent).as("window of 3").containsExactly(0.1, -0.4, -0.9);
        assertThat(SentimentTracker.slope(recent)).isCloseTo(-0.5, within(1e-9));
    }

    @Test
    void followsTheLatestCallPerSpeaker() {
        CustomerState state = newState();
        tracker.record(state, message(Channel.CALL, Party.CUSTOMER, "call-1", 1000, -0.2));
        tracker.record(state, message(Channel.CALL, Party.AGENT, "call-1", 4000, 0.6));
        tracker.record(state, message(Channel.CALL, Party.CUSTOMER, "call-1", 9000, -0.8));

        assertThat(state.getLiveCall().getCallId()).isEqualTo("call-1");
        assertThat(state.getLiveCall().getPoints()).extracting(p -> p.getSpeaker() + "@" + p.getOffsetMs())
                .containsExactly("CUSTOMER@1000", "AGENT@4000", "CUSTOMER@9000");

        tracker.record(state, message(Channel.CALL, Party.CUSTOMER, "call-2", 500, 0.3));
        assertThat(state.getLiveCall().getCallId()).isEqualTo("call-2");
        assertThat(state.getLiveCall().getPoints()).hasSize(1);
    }

    @Test
    void unscoredInteractionsChangeNothing() {
        CustomerState state = newState();
        Interaction click = Interaction.newBuilder().setInteractionId("i").setCustomerId("C").setChannel(Channel.CLICK)
                .setKind("page_view").setTimestamp(1).build();
        tracker.record(state, click);
        assertThat(state.getSentiment()).isNull();
        assertThat(state.getChannelSentiment()).isEmpty();
    }

    private static CustomerState newState() {
        return CustomerState.newBuilder().setUpdatedAt(0).setActivity(new ArrayList<>())
                .setChannelSentiment(new ArrayList<>()).build();
    }

    private static Interaction message(Channel channel, Party party, String conversation, long offset, double score) {
        return Interaction.newBuilder().setInteractionId("i").setCustomerId("C").setChannel(channel).setKind("message")
                .setTimestamp(1).setParty(party).setConversationId(conversation).setOffsetMs(offset).setText("x")
                .setSentiment(new Sentiment(score < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE, score, "t"))
                .build();
    }
}
