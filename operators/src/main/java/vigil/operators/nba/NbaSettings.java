package vigil.operators.nba;

import vigil.operators.features.FeatureKind;
import vigil.operators.features.FeatureSpec;
import vigil.operators.nba.catalog.FactType;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of next-best-action (README: Next-best-action).
 *
 * @param initialCatalog the catalog JSON in force until one is published on cx.control
 * @param facts          the facts conditions may test, with their types (the feature spec's features and the built-ins)
 * @param topN           actions published per customer
 * @param policy         contact-policy defaults
 * @param prior          Beta prior of an action whose catalog entry has none (pseudo-counts)
 * @param segments       the online k-means of behaviour segments
 * @param stateTtlMs     a customer's next-best-action state not written for this long expires
 */
public record NbaSettings(String initialCatalog, Map<String, FactType> facts, int topN, PolicySettings policy,
                          double[] prior, SegmentSettings segments, long stateTtlMs) implements Serializable {

    /**
     * @param maxImpressions an action is suppressed after this many impressions (shown, accepted or rejected) within window
     * @param maxRejections  ... or this many rejections within window
     * @param windowMs       N days of the two caps above
     * @param coolDownMs     after an accept or reject, the action waits this long
     * @param channelCaps    impressions (any action) per channel within channelPeriodMs; a channel left out is not capped
     */
    public record PolicySettings(int maxImpressions, int maxRejections, long windowMs, long coolDownMs,
                                 Map<String, Integer> channelCaps, long channelPeriodMs) implements Serializable {
        public PolicySettings {
            channelCaps = Map.copyOf(channelCaps);
        }
    }

    /**
     * @param k         segments
     * @param decay     weight of the past per mini-batch (Flink ML OnlineKMeans' decayFactor): 0 forgets, 1 never forgets
     * @param batchSize points per mini-batch (global batch size)
     * @param features  numeric features of the feature spec, standardized, that describe behaviour
     * @param seed      k-means++ initialization seed
     */
    public record SegmentSettings(int k, double decay, int batchSize, List<String> features, long seed)
            implements Serializable {
        public SegmentSettings {
            features = List.copyOf(features);
        }
    }

    /** Facts every catalog can use besides the feature spec's features. */
    public static final Map<String, FactType> BUILT_IN = Map.of(
            "churnRisk", FactType.NUMBER,
            "churnBand", FactType.TEXT,
            "segment", FactType.NUMBER,
            "openProblems", FactType.SET,
            "liveAlerts", FactType.SET,
            "problemsUnderAlert", FactType.SET);

    /** The feature spec's features (numeric as numbers, categorical as texts) and the built-in facts. */
    public static Map<String, FactType> facts(FeatureSpec spec) {
        Map<String, FactType> facts = new HashMap<>();
        for (FeatureSpec.Feature f : spec.features()) {
            facts.put(f.name(), f.kind() == FeatureKind.NUMERIC ? FactType.NUMBER : FactType.TEXT);
        }
        facts.putAll(BUILT_IN);
        return Map.copyOf(facts);
    }
}
