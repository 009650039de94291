package vigil.operators.customer;

import vigil.schemas.CallTrajectory;
import vigil.schemas.Channel;
import vigil.schemas.ChannelSentimentState;
import vigil.schemas.CustomerState;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.TrajectoryPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds scored messages into a customer's sentiment: an exponential moving average per channel and
 * overall (customer-authored text only: what an agent says is not the customer's mood), the trend
 * as the least-squares slope over the last N messages of a channel, and for calls the live
 * trajectory of both speakers on the customer's latest call.
 */
public final class SentimentTracker {
    /** Points kept per call: enough for a long call, bounded so state stays small. */
    static final int MAX_CALL_POINTS = 60;

    private final double alpha;
    private final int trendWindow;

    public SentimentTracker(double alpha, int trendWindow) {
        if (alpha <= 0 || alpha > 1 || trendWindow < 2) {
            throw new IllegalArgumentException("alpha must be in (0, 1] and the trend window at least 2");
        }
        this.alpha = alpha;
        this.trendWindow = trendWindow;
    }

    public void record(CustomerState state, Interaction interaction) {
        if (interaction.getSentiment() == null) {
            return;
        }
        double score = interaction.getSentiment().getScore();
        if (interaction.getChannel() == Channel.CALL && interaction.getConversationId() != null) {
            trajectory(state, interaction, score);
        }
        if (interaction.getParty() != null && interaction.getParty() != Party.CUSTOMER) {
            return;
        }
        state.setSentiment(state.getSentiment() == null ? score : ema(state.getSentiment(), score));
        ChannelSentimentState channel = forChannel(state, interaction.getChannel());
        channel.setLevel(channel.getSamples() == 0 ? score : ema(channel.getLevel(), score));
        channel.setSamples(channel.getSamples() + 1);
        List<Double> recent = channel.getRecent();
        recent.add(score);
        while (recent.size() > trendWindow) {
            recent.remove(0);
        }
    }

    /** Least-squares slope of the scores against their position: change per message. */
    public static double slope(List<Double> scores) {
        int n = scores.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (scores.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    private double ema(double previous, double score) {
        return previous + alpha * (score - previous);
    }

    private static void trajectory(CustomerState state, Interaction interaction, double score) {
        CallTrajectory call = state.getLiveCall();
        if (call == null || !call.getCallId().equals(interaction.getConversationId())) {
            call = CallTrajectory.newBuilder().setCallId(interaction.getConversationId())
                    .setPoints(new ArrayList<>()).build();
            state.setLiveCall(call);
        }
        Party speaker = interaction.getParty() == null ? Party.CUSTOMER : interaction.getParty();
        long offset = interaction.getOffsetMs() == null ? 0 : interaction.getOffsetMs();
        call.getPoints().add(new TrajectoryPoint(speaker, offset, score));
        if (call.getPoints().size() > MAX_CALL_POINTS) {
            call.getPoints().remove(0);
        }
    }

    private static ChannelSentimentState forChannel(CustomerState state, Channel channel) {
        for (ChannelSentimentState s : state.getChannelSentiment()) {
            if (s.getChannel() == channel) {
                return s;
            }
        }
        ChannelSentimentState created = ChannelSentimentState.newBuilder().setChannel(channel).setLevel(0)
                .setSamples(0).setRecent(new ArrayList<>()).build();
        state.getChannelSentiment().add(created);
        return created;
    }
}
