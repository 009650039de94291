package vigil.operators.enrich;

import vigil.schemas.Channel;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** Text analysis settings: the sentiment path per channel, and where the fast model and the taxonomy come from. */
public final class AnalysisSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final EnumMap<Channel, SentimentPath> paths;
    private final String sentimentModel;

    /**
     * @param paths sentiment path per channel; channels left out use the fast path
     * @param sentimentModel directory of a fast-path model snapshot, or null for the shipped model
     */
    public AnalysisSettings(Map<Channel, SentimentPath> paths, String sentimentModel) {
        this.paths = new EnumMap<>(Channel.class);
        this.paths.putAll(paths);
        this.sentimentModel = sentimentModel;
    }

    public SentimentPath path(Channel channel) {
        return paths.getOrDefault(channel, SentimentPath.FAST);
    }

    public boolean usesDeepPath() {
        return paths.containsValue(SentimentPath.DEEP);
    }

    public String sentimentModel() {
        return sentimentModel;
    }
}
