package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Products of chosen pairs of input features. A numeric side contributes its standardized value
 * (0 when missing), a categorical side one indicator per frequent category, and the pair's slots
 * are every product of one signal from each side: day minutes × evening minutes, or
 * "international plan = yes" × day minutes. The pairs are those a boosted ensemble split on one
 * under the other with the most gain ({@link #choose}); a slot's contribution goes half to each feature.
 */
public final class PairwiseInteractions implements VectorStage {
    private static final long serialVersionUID = 1L;
    private static final int CATEGORIES_PER_SIDE = 3;

    public Side[][] pairs;

    public PairwiseInteractions() {}

    public PairwiseInteractions(Side[][] pairs) {
        this.pairs = pairs;
    }

    /** One side of a pair: a numeric feature's mean and deviation, or a categorical feature's categories. */
    public static final class Side implements Serializable {
        private static final long serialVersionUID = 1L;
        public int feature;
        public double mean;
        public double std = 1;
        /** Null for a numeric side. */
        public String[] categories;

        int signals() {
            return categories == null ? 1 : categories.length;
        }

        double signal(FeatureRow row, int k) {
            if (categories == null) {
                double x = row.number(feature);
                return Double.isNaN(x) ? 0 : (x - mean) / std;
            }
            return categories[k].equals(row.category(feature)) ? 1 : 0;
        }

        String name(List<InputFeature> inputs, int k) {
            String name = inputs.get(feature).name();
            return categories == null ? name : name + "=" + categories[k];
        }
    }

    /**
     * The {@code count} pairs of distinct features that the ensemble split on as parent and child,
     * ranked by the summed gain of the child splits.
     */
    public static List<int[]> choose(TreeLeafEncoding ensemble, int count) {
        Map<List<Integer>, Double> gains = new HashMap<>();
        for (RegressionTree tree : ensemble.trees) {
            for (int node = 0; node < tree.feature.length; node++) {
                if (tree.feature[node] < 0) {
                    continue;
                }
                for (int child : new int[] {tree.left[node], tree.right[node]}) {
                    int a = tree.feature[node], b = tree.feature[child];
                    if (b >= 0 && a != b) {
                        gains.merge(List.of(Math.min(a, b), Math.max(a, b)), tree.gain[child], Double::sum);
                    }
                }
            }
        }
        List<int[]> chosen = new ArrayList<>();
        gains.entrySet().stream()
                .sorted(Map.Entry.<List<Integer>, Double>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .limit(count)
                .forEach(e -> chosen.add(new int[] {e.getKey().get(0), e.getKey().get(1)}));
        return chosen;
    }

    public static PairwiseInteractions fit(TrainingSet data, List<int[]> chosen, int minCount) {
        Side[][] pairs = new Side[chosen.size()][];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = new Side[] {side(data, chosen.get(p)[0], minCount), side(data, chosen.get(p)[1], minCount)};
        }
        return new PairwiseInteractions(pairs);
    }

    private static Side side(TrainingSet data, int feature, int minCount) {
        Side side = new Side();
        side.feature = feature;
        if (data.isNumeric(feature)) {
            StandardScaling scaling = StandardScaling.fit(data);
            for (int k = 0; k < scaling.features.length; k++) {
                if (scaling.features[k] == feature) {
                    side.mean = scaling.mean[k];
                    side.std = scaling.std[k];
                }
            }
        } else {
            side.categories = CategoryCounts.frequent(data.categories(feature), minCount, CATEGORIES_PER_SIDE);
        }
        return side;
    }

    @Override
    public int width() {
        int width = 0;
        for (Side[] pair : pairs) {
            width += pair[0].signals() * pair[1].signals();
        }
        return width;
    }

    @Override
    public void encode(FeatureRow row, double[] out, int offset) {
        int s = offset;
        for (Side[] pair : pairs) {
            for (int i = 0; i < pair[0].signals(); i++) {
                double a = pair[0].signal(row, i);
                for (int j = 0; j < pair[1].signals(); j++) {
                    out[s++] = a == 0 ? 0 : a * pair[1].signal(row, j);
                }
            }
        }
    }

    @Override
    public int[][] slotSources() {
        int[][] sources = new int[width()][];
        int s = 0;
        for (Side[] pair : pairs) {
            for (int k = 0; k < pair[0].signals() * pair[1].signals(); k++) {
                sources[s++] = new int[] {pair[0].feature, pair[1].feature};
            }
        }
        return sources;
    }

    @Override
    public String[] slotNames(List<InputFeature> inputs) {
        String[] names = new String[width()];
        int s = 0;
        for (Side[] pair : pairs) {
            for (int i = 0; i < pair[0].signals(); i++) {
                for (int j = 0; j < pair[1].signals(); j++) {
                    names[s++] = pair[0].name(inputs, i) + " x " + pair[1].name(inputs, j);
                }
            }
        }
        return names;
    }
}
