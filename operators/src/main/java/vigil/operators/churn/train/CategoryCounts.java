package vigil.operators.churn.train;

import java.util.HashMap;
import java.util.Map;

/** The frequent values of a categorical column: those seen at least minCount times, most frequent first. */
final class CategoryCounts {
    private CategoryCounts() {}

    static String[] frequent(String[] values, int minCount, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }
}
