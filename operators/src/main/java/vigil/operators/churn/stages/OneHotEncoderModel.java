package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.IOException;

/** Fitted {@link OneHotEncoder}: a block per categorical feature, {@link vigil.operators.churn.train.OneHotEncoding}. */
public final class OneHotEncoderModel extends VectorStageModel<OneHotEncoderModel> {
    private static final long serialVersionUID = 1L;

    public static OneHotEncoderModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        return VectorStageModel.load(tEnv, path);
    }
}
