package vigil.operators.churn.stages;

import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.churn.train.TreeLeafEncoding;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;

/** Fits a gradient-boosted tree ensemble on the label, whose leaves become one-hot slots ({@link TreeLeafEncoding}). */
public final class TreeLeafEncoder extends VectorStageEstimator<TreeLeafEncoder, TreeLeafEncoderModel>
        implements BoostingParams<TreeLeafEncoder> {
    private static final long serialVersionUID = 1L;

    public TreeLeafEncoder() {
        super("treeLeaves");
    }

    @Override
    public VectorStage fit(TrainingSet data) {
        return boosting().fit(data);
    }

    @Override
    protected String labelCol() {
        return getLabelCol();
    }

    @Override
    protected String positiveLabel() {
        return getPositiveLabel();
    }

    @Override
    protected TreeLeafEncoderModel newModel() {
        return new TreeLeafEncoderModel();
    }

    public static TreeLeafEncoder load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }
}
