package vigil.operators.enrich;

import vigil.operators.text.EntityTagger;
import vigil.operators.text.TopicTagger;
import vigil.schemas.Channel;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** Text analysis settings: the sentiment path per channel, and where the fast model and the taxonomy come from. */
public final class AnalysisSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final EnumMap<Channel, SentimentPath> paths;
    private final String sentimentModel;
    private final String taxonomy;
    private final String catalog;

    /** The default taxonomy and catalog shipped with Vigil. */
    public AnalysisSettings(Map<Channel, SentimentPath> paths, String sentimentModel) {
        this(paths, sentimentModel, TopicTagger.DEFAULT_TAXONOMY, EntityTagger.DEFAULT_CATALOG);
    }

    /**
     * @param paths sentiment path per channel; channels left out use the fast path
     * @param sentimentModel directory of a fast-path model snapshot, or null for the shipped model
     * @param taxonomy topic rules (TokensRegex) as a classpath resource, file or URL
     * @param catalog product and plan catalog as a classpath resource, file or URL
     */
    public AnalysisSettings(Map<Channel, SentimentPath> paths, String sentimentModel, String taxonomy, String catalog) {
        this.paths = new EnumMap<>(Channel.class);
        this.paths.putAll(paths);
        this.sentimentModel = sentimentModel;
        this.taxonomy = taxonomy;
        this.catalog = catalog;
    }

    public String taxonomy() {
        return taxonomy;
    }

    public String catalog() {
        return catalog;
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
