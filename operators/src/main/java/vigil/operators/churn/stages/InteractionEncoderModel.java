package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.IOException;

/** Fitted {@link InteractionEncoder}: the products of the chosen feature pairs, {@link vigil.operators.churn.train.PairwiseInteractions}. */
public final class InteractionEncoderModel extends VectorStageModel<InteractionEncoderModel> {
    private static final long serialVersionUID = 1L;

    public static InteractionEncoderModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        return VectorStageModel.load(tEnv, path);
    }
}
