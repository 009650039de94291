package vigil.operators.churn.train;

import org.junit.jupiter.api.Test;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.InputFeature.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureKindsTest {
    @Test
    void readsNumbersAndCategoriesAndLeavesOutIdsConstantsAndTheLabel() {
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cells.add(new String[] {"ID-" + i, i == 3 ? "NA" : Double.toString(i * 1.5), i % 3 == 0 ? "DSL" : "Fiber",
                    "same", i % 2 == 0 ? "Yes" : "No", i == 5 ? "" : Integer.toString(i % 4), Integer.toString(i)});
        }
        LabeledRows rows = new LabeledRows(List.of("customerID", "charges", "internet", "country", "churn", "calls", "seq"), cells);
        FeatureKinds kinds = FeatureKinds.infer(rows, "churn");
        assertThat(kinds.features()).containsExactly(new InputFeature("charges", Kind.NUMERIC),
                new InputFeature("internet", Kind.CATEGORICAL), new InputFeature("calls", Kind.NUMERIC),
                new InputFeature("seq", Kind.NUMERIC));
        assertThat(kinds.ignored()).containsOnlyKeys("customerID", "country");
        assertThat(kinds.ignored().get("customerID")).startsWith("id-like");
        TrainingSet data = TrainingSet.parse(kinds.features(), kinds.project(rows), rows.labels("churn", "Yes"));
        assertThat(data.numbers(0)[3]).isNaN();
        assertThat(data.numbers(2)[5]).isNaN();
        assertThat(data.categories(1)[0]).isEqualTo("DSL");
        assertThat(data.labels()[0]).isTrue();
    }
}
