package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.IOException;

/** Fitted {@link TreeLeafEncoder}: a one-hot block of leaves per boosted tree, {@link vigil.operators.churn.train.TreeLeafEncoding}. */
public final class TreeLeafEncoderModel extends VectorStageModel<TreeLeafEncoderModel> {
    private static final long serialVersionUID = 1L;

    public static TreeLeafEncoderModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        return VectorStageModel.load(tEnv, path);
    }
}
