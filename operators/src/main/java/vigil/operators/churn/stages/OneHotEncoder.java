package vigil.operators.churn.stages;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.churn.train.ChurnTrainerParams;
import vigil.operators.churn.train.OneHotEncoding;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;

/** Fits {@link OneHotEncoding} of the categorical input features: a slot per frequent category, one for the rest. */
public final class OneHotEncoder extends VectorStageEstimator<OneHotEncoder, OneHotEncoderModel> {
    private static final long serialVersionUID = 1L;
    public static final Param<Integer> MIN_CATEGORY_COUNT = ChurnTrainerParams.MIN_CATEGORY_COUNT;

    public OneHotEncoder() {
        super("oneHot");
    }

    @Override
    public VectorStage fit(TrainingSet data) {
        return OneHotEncoding.fit(data, get(MIN_CATEGORY_COUNT));
    }

    @Override
    protected OneHotEncoderModel newModel() {
        return new OneHotEncoderModel();
    }

    public static OneHotEncoder load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }
}
