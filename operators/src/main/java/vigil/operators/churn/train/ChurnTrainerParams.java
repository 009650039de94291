package vigil.operators.churn.train;

import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasMaxIter;
import org.apache.flink.ml.common.param.HasReg;
import org.apache.flink.ml.common.param.HasTol;
import org.apache.flink.ml.param.DoubleParam;
import org.apache.flink.ml.param.IntParam;
import org.apache.flink.ml.param.LongParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;
import vigil.operators.churn.ChurnHyperParameters;

/** Parameters of {@link ChurnTrainer}: the label, the stages' settings, the regression's L2. */
public interface ChurnTrainerParams<T> extends HasLabelCol<T>, HasReg<T>, HasMaxIter<T>, HasTol<T> {
    Param<String> POSITIVE_LABEL = new StringParam("positiveLabel",
            "Value of the label column that marks churn; every other value is no churn.", "Yes", ParamValidators.notNull());
    Param<Integer> BINS = new IntParam("bins", "Quantile bins per numeric feature.", 10, ParamValidators.inRange(2, 100));
    Param<Integer> MIN_CATEGORY_COUNT = new IntParam("minCategoryCount",
            "Rows a category needs to get its own one-hot slot.", 5, ParamValidators.gtEq(1));
    Param<Integer> TREES = new IntParam("trees", "Boosted trees whose leaves become features (0: none).", 40,
            ParamValidators.inRange(0, 500));
    Param<Integer> TREE_DEPTH = new IntParam("treeDepth", "Depth of each boosted tree.", 3, ParamValidators.inRange(1, 8));
    Param<Double> LEARNING_RATE = new DoubleParam("learningRate", "Shrinkage of each tree.", 0.1,
            ParamValidators.inRange(0, 1, false, true));
    Param<Integer> MIN_LEAF_ROWS = new IntParam("minLeafRows", "Rows each tree leaf must hold.", 20, ParamValidators.gtEq(1));
    Param<Integer> INTERACTIONS = new IntParam("interactions",
            "Pairwise interactions, chosen from the boosted trees' parent-child splits.", 4, ParamValidators.inRange(0, 50));
    Param<String> MODEL_NAME = new StringParam("modelName", "Name of the model.", "churn", ParamValidators.notNull());
    Param<Long> MODEL_VERSION = new LongParam("modelVersion", "Version of the model.", 1L, ParamValidators.gtEq(1));

    default String getPositiveLabel() {
        return get(POSITIVE_LABEL);
    }

    default T setPositiveLabel(String value) {
        return set(POSITIVE_LABEL, value);
    }

    default T setTrees(int value) {
        return set(TREES, value);
    }

    default T setInteractions(int value) {
        return set(INTERACTIONS, value);
    }

    default T setModelVersion(long value) {
        return set(MODEL_VERSION, value);
    }

    /** Sets every hyper-parameter from a record. */
    default T setHyperParameters(ChurnHyperParameters h) {
        setReg(h.l2());
        set(BINS, h.bins());
        set(MIN_CATEGORY_COUNT, h.minCategoryCount());
        set(TREES, h.trees());
        set(TREE_DEPTH, h.treeDepth());
        set(LEARNING_RATE, h.learningRate());
        set(MIN_LEAF_ROWS, h.minLeafRows());
        return set(INTERACTIONS, h.interactions());
    }

    default ChurnHyperParameters hyperParameters() {
        return new ChurnHyperParameters(getReg(), get(BINS), get(MIN_CATEGORY_COUNT), get(TREES), get(TREE_DEPTH),
                get(LEARNING_RATE), get(MIN_LEAF_ROWS), get(INTERACTIONS));
    }
}
