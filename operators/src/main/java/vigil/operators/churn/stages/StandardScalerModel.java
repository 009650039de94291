package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.IOException;

/** Fitted {@link StandardScaler}: two slots per numeric feature, {@link vigil.operators.churn.train.StandardScaling}. */
public final class StandardScalerModel extends VectorStageModel<StandardScalerModel> {
    private static final long serialVersionUID = 1L;

    public static StandardScalerModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        return VectorStageModel.load(tEnv, path);
    }
}
