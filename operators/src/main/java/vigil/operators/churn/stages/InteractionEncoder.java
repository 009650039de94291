package vigil.operators.churn.stages;

import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import vigil.operators.churn.train.ChurnTrainerParams;
import vigil.operators.churn.train.PairwiseInteractions;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;

/**
 * Fits {@link PairwiseInteractions}: a boosted ensemble is fitted on the label ({@link #TREES} screening
 * trees) and the {@link #INTERACTIONS} feature pairs it split on one under the other with the most
 * gain become products. The ensemble only chooses the pairs; a {@link TreeLeafEncoder} with the same
 * settings fits the same trees, since fitting is deterministic.
 */
public final class InteractionEncoder extends VectorStageEstimator<InteractionEncoder, InteractionEncoderModel>
        implements BoostingParams<InteractionEncoder> {
    private static final long serialVersionUID = 1L;
    public static final Param<Integer> INTERACTIONS = ChurnTrainerParams.INTERACTIONS;
    public static final Param<Integer> MIN_CATEGORY_COUNT = ChurnTrainerParams.MIN_CATEGORY_COUNT;

    public InteractionEncoder() {
        super("interactions");
    }

    @Override
    public VectorStage fit(TrainingSet data) {
        return PairwiseInteractions.fit(data, PairwiseInteractions.choose(boosting().fit(data), get(INTERACTIONS)),
                get(MIN_CATEGORY_COUNT));
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
    protected InteractionEncoderModel newModel() {
        return new InteractionEncoderModel();
    }

    public static InteractionEncoder load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }
}
