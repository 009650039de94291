package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.IOException;

/** Fitted {@link QuantileBinner}: a one-hot block of bins per numeric feature, {@link vigil.operators.churn.train.QuantileBinning}. */
public final class QuantileBinnerModel extends VectorStageModel<QuantileBinnerModel> {
    private static final long serialVersionUID = 1L;

    public static QuantileBinnerModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        return VectorStageModel.load(tEnv, path);
    }
}
