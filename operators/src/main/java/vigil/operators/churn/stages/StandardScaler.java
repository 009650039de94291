package vigil.operators.churn.stages;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.ml.util.ReadWriteUtils;
import vigil.operators.churn.train.StandardScaling;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;

/** Fits {@link StandardScaling} of the numeric input features: training mean and deviation, missing imputed with the mean. */
public final class StandardScaler extends VectorStageEstimator<StandardScaler, StandardScalerModel> {
    private static final long serialVersionUID = 1L;

    public StandardScaler() {
        super("scaled");
    }

    @Override
    public VectorStage fit(TrainingSet data) {
        return StandardScaling.fit(data);
    }

    @Override
    protected StandardScalerModel newModel() {
        return new StandardScalerModel();
    }

    public static StandardScaler load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }
}
