package vigil.operators.churn.stages;

import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.param.Param;
import vigil.operators.churn.train.ChurnTrainerParams;
import vigil.operators.churn.train.GradientBoosting;

/** Parameters of the stages that fit a boosted tree ensemble on the label. */
public interface BoostingParams<T> extends HasLabelCol<T> {
    Param<String> POSITIVE_LABEL = ChurnTrainerParams.POSITIVE_LABEL;
    Param<Integer> TREES = ChurnTrainerParams.TREES;
    Param<Integer> TREE_DEPTH = ChurnTrainerParams.TREE_DEPTH;
    Param<Double> LEARNING_RATE = ChurnTrainerParams.LEARNING_RATE;
    Param<Integer> MIN_LEAF_ROWS = ChurnTrainerParams.MIN_LEAF_ROWS;
    /** The ensemble's Newton-step regularization and numeric split candidates, fixed since the first churn model. */
    double LAMBDA = 1.0;
    int SPLIT_CANDIDATES = 32;

    default String getPositiveLabel() {
        return get(POSITIVE_LABEL);
    }

    default T setPositiveLabel(String value) {
        return set(POSITIVE_LABEL, value);
    }

    default T setTrees(int value) {
        return set(TREES, value);
    }

    /** The ensemble these parameters describe. */
    default GradientBoosting boosting() {
        return new GradientBoosting(get(TREES), get(TREE_DEPTH), get(LEARNING_RATE), get(MIN_LEAF_ROWS), LAMBDA,
                SPLIT_CANDIDATES);
    }
}
