package vigil.operators.customer;

import vigil.schemas.ActivityState;
import vigil.schemas.ChannelActivity;
import vigil.schemas.ChannelSentiment;
import vigil.schemas.ChannelSentimentState;
import vigil.schemas.CustomerScore;
import vigil.schemas.CustomerState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** What of a customer's state is published on cx.scores. */
public final class ScoreView {
    private ScoreView() {}

    public static CustomerScore of(String customerId, CustomerState state) {
        List<ChannelActivity> activity = new ArrayList<>(state.getActivity().size());
        for (ActivityState a : state.getActivity()) {
            activity.add(ChannelActivity.newBuilder().setChannel(a.getChannel()).setTotal(a.getTotal())
                    .setDecayed(new HashMap<>(a.getDecayed())).setLastAt(a.getLastAt()).build());
        }
        List<ChannelSentiment> sentiment = new ArrayList<>(state.getChannelSentiment().size());
        for (ChannelSentimentState s : state.getChannelSentiment()) {
            sentiment.add(new ChannelSentiment(s.getChannel(), s.getLevel(), SentimentTracker.slope(s.getRecent()),
                    s.getSamples()));
        }
        return CustomerScore.newBuilder()
                .setCustomerId(customerId)
                .setUpdatedAt(state.getUpdatedAt())
                .setActivity(activity)
                .setLastContactAt(state.getLastContactAt())
                .setLastContactChannel(state.getLastContactChannel())
                .setProfile(state.getProfile())
                .setLastOutcome(state.getLastOutcome())
                .setSentiment(state.getSentiment())
                .setChannelSentiment(sentiment)
                .setLiveCall(state.getLiveCall())
                .build();
    }
}
