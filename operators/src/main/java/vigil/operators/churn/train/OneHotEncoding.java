package vigil.operators.churn.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One-hot encoding of the categorical features: one slot per category seen at least
 * {@code minCount} times in training, then one "other/missing" slot that takes missing values,
 * rare categories and categories never seen in training.
 */
public final class OneHotEncoding implements VectorStage {
    private static final long serialVersionUID = 1L;
    public static final String OTHER = "other/missing";

    public int[] features;
    /** The kept categories of each feature, most frequent first. */
    public String[][] categories;
    @JsonIgnore
    private transient volatile List<Map<String, Integer>> index;

    public OneHotEncoding() {}

    public OneHotEncoding(int[] features, String[][] categories) {
        this.features = features;
        this.categories = categories;
    }

    public static OneHotEncoding fit(TrainingSet data, int minCount) {
        List<Integer> categorical = new ArrayList<>();
        for (int f = 0; f < data.features().size(); f++) {
            if (!data.isNumeric(f)) {
                categorical.add(f);
            }
        }
        int[] features = categorical.stream().mapToInt(Integer::intValue).toArray();
        String[][] categories = new String[features.length][];
        for (int k = 0; k < features.length; k++) {
            categories[k] = CategoryCounts.frequent(data.categories(features[k]), minCount, Integer.MAX_VALUE);
        }
        return new OneHotEncoding(features, categories);
    }

    /** Position of a category within feature k's block; the last position is "other/missing". */
    public int slot(int k, String category) {
        Integer i = category == null ? null : index().get(k).get(category);
        return i == null ? categories[k].length : i;
    }

    @Override
    public int width() {
        int width = 0;
        for (String[] c : categories) {
            width += c.length + 1;
        }
        return width;
    }

    @Override
    public void encode(FeatureRow row, double[] out, int offset) {
        int start = offset;
        for (int k = 0; k < features.length; k++) {
            int block = categories[k].length + 1;
            java.util.Arrays.fill(out, start, start + block, 0);
            out[start + slot(k, row.category(features[k]))] = 1;
            start += block;
        }
    }

    @Override
    public int[][] slotSources() {
        int[][] sources = new int[width()][];
        int s = 0;
        for (int k = 0; k < features.length; k++) {
            for (int j = 0; j <= categories[k].length; j++) {
                sources[s++] = new int[] {features[k]};
            }
        }
        return sources;
    }

    @Override
    public String[] slotNames(List<InputFeature> inputs) {
        String[] names = new String[width()];
        int s = 0;
        for (int k = 0; k < features.length; k++) {
            String name = inputs.get(features[k]).name();
            for (String category : categories[k]) {
                names[s++] = name + "=" + category;
            }
            names[s++] = name + "=" + OTHER;
        }
        return names;
    }

    private List<Map<String, Integer>> index() {
        List<Map<String, Integer>> built = index;
        if (built == null) {
            built = new ArrayList<>();
            for (String[] c : categories) {
                Map<String, Integer> map = new HashMap<>();
                for (int i = 0; i < c.length; i++) {
                    map.put(c[i], i);
                }
                built.add(map);
            }
            index = built;
        }
        return built;
    }
}
