package vigil.operators.features;

import vigil.schemas.CustomerState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Computes a customer's churn features from their state, as the spec declares them: numeric ones
 * as {@link Double}, categorical ones as {@link String}, null when missing (no profile yet, no
 * sentiment yet, never contacted). Counts are decayed as of the state's time ({@code updatedAt}).
 */
public final class FeatureExtractor {
    private final List<String> names = new ArrayList<>();
    private final List<FeatureSource> sources = new ArrayList<>();

    /**
     * @param windows the labels of the state's decaying windows (state.windows), which count sources name
     * @throws IllegalArgumentException when a source names a window the state does not keep
     */
    public FeatureExtractor(FeatureSpec spec, Collection<String> windows) {
        for (FeatureSpec.Feature f : spec.features()) {
            try {
                sources.add(FeatureSources.compile(f.source(), f.kind(), spec, new LinkedHashSet<>(windows)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature '" + f.name() + "': " + e.getMessage(), e);
            }
            names.add(f.name());
        }
    }

    /** Feature names in spec order. */
    public List<String> names() {
        return names;
    }

    /** The features of one customer, in spec order; a fresh map the caller may keep. */
    public Map<String, Object> extract(CustomerState state) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            features.put(names.get(i), sources.get(i).read(state));
        }
        return features;
    }
}
