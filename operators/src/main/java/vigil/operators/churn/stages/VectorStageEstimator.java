package vigil.operators.churn.stages;

import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.Table;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A churn feature stage as a Flink ML {@link Estimator}: {@link #fit(Table...)} collects the input
 * feature columns (and the label, for the stages that need it) with a Flink job and fits the stage
 * in memory with {@link #fit(TrainingSet)}, the same code the trainer's cross-validation calls on
 * rows it already holds. The model gets this estimator's parameters.
 */
public abstract class VectorStageEstimator<E extends VectorStageEstimator<E, M>, M extends VectorStageModel<M>>
        implements Estimator<E, M>, ChurnStageParams<E> {
    private static final long serialVersionUID = 1L;

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    protected VectorStageEstimator(String outputCol) {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
        setOutputCol(outputCol);
    }

    /** Fits the stage on rows already in memory, indexed like {@link #features()}. */
    public abstract VectorStage fit(TrainingSet data);

    /** An empty model of this estimator's kind. */
    protected abstract M newModel();

    /** The label column this stage fits on, or null when it needs none. */
    protected String labelCol() {
        return null;
    }

    /** The label value that marks churn, when {@link #labelCol} is given. */
    protected String positiveLabel() {
        return null;
    }

    @Override
    public M fit(Table... inputs) {
        Table table = TrainingColumns.single(inputs);
        TrainingSet data = TrainingColumns.read(table, features(), labelCol(), positiveLabel());
        M model = newModel();
        ParamUtils.updateExistingParams(model, getParamMap());
        return model.fitted(fit(data), TrainingColumns.environment(table));
    }

    @Override
    public void save(String path) throws IOException {
        ReadWriteUtils.saveMetadata(this, path);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }
}
