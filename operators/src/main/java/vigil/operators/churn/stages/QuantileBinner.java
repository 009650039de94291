package vigil.operators.churn.stages;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.churn.train.ChurnTrainerParams;
import vigil.operators.churn.train.QuantileBinning;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;

/** Fits {@link QuantileBinning} of the numeric input features: bin edges at the training quantiles. */
public final class QuantileBinner extends VectorStageEstimator<QuantileBinner, QuantileBinnerModel> {
    private static final long serialVersionUID = 1L;
    public static final Param<Integer> BINS = ChurnTrainerParams.BINS;

    public QuantileBinner() {
        super("bins");
    }

    @Override
    public VectorStage fit(TrainingSet data) {
        return QuantileBinning.fit(data, get(BINS));
    }

    @Override
    protected QuantileBinnerModel newModel() {
        return new QuantileBinnerModel();
    }

    public static QuantileBinner load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }
}
