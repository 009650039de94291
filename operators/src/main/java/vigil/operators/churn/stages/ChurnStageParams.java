package vigil.operators.churn.stages;

import org.apache.flink.ml.common.param.HasCategoricalCols;
import org.apache.flink.ml.common.param.HasInputCols;
import org.apache.flink.ml.common.param.HasOutputCol;
import vigil.operators.churn.InputFeature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Parameters every churn feature stage shares: the model's input features in order (all of them,
 * so the fitted stage's feature indices are the model's), which of them are categorical, and the
 * vector column the fitted stage appends.
 */
public interface ChurnStageParams<T> extends HasInputCols<T>, HasCategoricalCols<T>, HasOutputCol<T> {
    /** The input features: {@link #getInputCols} in order, categorical when listed in {@link #getCategoricalCols}. */
    default List<InputFeature> features() {
        Set<String> categorical = Set.copyOf(Arrays.asList(getCategoricalCols()));
        List<InputFeature> features = new ArrayList<>();
        for (String col : getInputCols()) {
            features.add(new InputFeature(col, categorical.contains(col)
                    ? InputFeature.Kind.CATEGORICAL : InputFeature.Kind.NUMERIC));
        }
        return features;
    }

    /** Sets input and categorical columns from a feature list. */
    default T setFeatures(List<InputFeature> features) {
        setInputCols(features.stream().map(InputFeature::name).toArray(String[]::new));
        return setCategoricalCols(features.stream().filter(f -> f.kind() == InputFeature.Kind.CATEGORICAL)
                .map(InputFeature::name).toArray(String[]::new));
    }
}
