package vigil.operators.churn.train;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import vigil.operators.churn.ChurnHyperParameters;
import vigil.operators.churn.ChurnMetadata;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.FeaturePipeline;
import vigil.operators.churn.InputFeature;
import vigil.operators.sentiment.LogisticRegressionSolver;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a churn model from a table of profile attributes and a label column. Every other column
 * is an input feature (numeric or categorical, see {@link FeatureKinds}); the stages are fitted in
 * order (standard scaling, one-hot, quantile bins, boosted trees, the interactions the trees point
 * at) and a logistic regression with L2 is fitted over the vector they make.
 *
 * <p>{@link #fit(Table...)} reads the table with a Flink job and collects it; the fitting itself
 * runs here, in the JVM, as the sentiment trainer's does: Flink ML's iterative training needs
 * flink-ml-iteration, which does not run on Flink 1.18, and a few thousand profiles fit in memory.
 * Cross-validation calls {@link #fit(LabeledRows)} directly.
 */
public final class ChurnTrainer implements Estimator<ChurnTrainer, ChurnModel>, ChurnTrainerParams<ChurnTrainer> {
    /** Trees fitted only to choose interactions when no leaf features are wanted. */
    private static final int SCREENING_TREES = 20;

    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public ChurnTrainer() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
        setLabelCol("churn");
        setReg(1e-3);
        setMaxIter(500);
        setTol(1e-6);
    }

    @Override
    public ChurnModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("expects one table, got " + inputs.length);
        }
        StreamTableEnvironment tEnv = (StreamTableEnvironment) ((TableImpl) inputs[0]).getTableEnvironment();
        List<String> columns = inputs[0].getResolvedSchema().getColumnNames();
        List<String[]> cells = new ArrayList<>();
        try (CloseableIterator<String[]> it = tEnv.toDataStream(inputs[0])
                .map(new Cells(), TypeInformation.of(String[].class)).name("read profiles")
                .executeAndCollect("vigil churn training data")) {
            it.forEachRemaining(cells::add);
        } catch (Exception e) {
            throw new IllegalStateException("the churn training job failed", e);
        }
        return fit(new LabeledRows(columns, cells));
    }

    /** Fits on rows already in memory. */
    public ChurnModel fit(LabeledRows rows) {
        FeatureKinds kinds = FeatureKinds.infer(rows, getLabelCol());
        if (kinds.features().isEmpty()) {
            throw new IllegalArgumentException("no usable feature columns; left out: " + kinds.ignored());
        }
        boolean[] positive = rows.labels(getLabelCol(), getPositiveLabel());
        int positives = count(positive);
        if (positives == 0 || positives == positive.length) {
            throw new IllegalArgumentException("training data needs both classes: " + positives + " of " + positive.length
                    + " rows have " + getLabelCol() + " = " + getPositiveLabel());
        }
        TrainingSet data = TrainingSet.parse(kinds.features(), kinds.project(rows), positive);
        ChurnHyperParameters h = hyperParameters();
        FeaturePipeline pipeline = new FeaturePipeline(kinds.features(), stages(data, h));

        SparseVector[] x = new SparseVector[data.rows()];
        double[] slotMeans = new double[pipeline.dimensions()];
        for (int i = 0; i < x.length; i++) {
            double[] dense = pipeline.vectorize(data.row(i));
            for (int j = 0; j < dense.length; j++) {
                slotMeans[j] += dense[j] / x.length;
            }
            x[i] = sparse(dense);
        }
        LogisticRegressionSolver solver = new LogisticRegressionSolver(getReg(), getMaxIter(), getTol());
        double[] coefficients = solver.solve(x, positive, pipeline.dimensions());

        ChurnMetadata metadata = new ChurnMetadata();
        metadata.name = get(MODEL_NAME);
        metadata.version = get(MODEL_VERSION);
        metadata.created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        metadata.labelCol = getLabelCol();
        metadata.positiveLabel = getPositiveLabel();
        metadata.rows = data.rows();
        metadata.positives = positives;
        metadata.features = kinds.features().stream().map(InputFeature::describe).toList();
        metadata.ignoredColumns = kinds.ignored();
        metadata.dimensions = pipeline.dimensions();
        metadata.stages = pipeline.stages().stream()
                .map(s -> s.getClass().getSimpleName() + " (" + s.width() + " slots)").toList();
        metadata.hyperParameters = h;
        metadata.iterations = solver.iterations();
        return new ChurnModel(metadata, pipeline, slotMeans, coefficients);
    }

    private static List<VectorStage> stages(TrainingSet data, ChurnHyperParameters h) {
        List<VectorStage> stages = new ArrayList<>();
        stages.add(StandardScaling.fit(data));
        stages.add(OneHotEncoding.fit(data, h.minCategoryCount()));
        stages.add(QuantileBinning.fit(data, h.bins()));
        if (h.trees() > 0 || h.interactions() > 0) {
            int trees = h.trees() > 0 ? h.trees() : SCREENING_TREES;
            TreeLeafEncoding ensemble = new GradientBoosting(trees, h.treeDepth(), h.learningRate(), h.minLeafRows(),
                    1.0, 32).fit(data);
            if (h.interactions() > 0) {
                stages.add(PairwiseInteractions.fit(data, PairwiseInteractions.choose(ensemble, h.interactions()),
                        h.minCategoryCount()));
            }
            if (h.trees() > 0) {
                stages.add(ensemble);
            }
        }
        stages.removeIf(s -> s.width() == 0);
        return stages;
    }

    private static SparseVector sparse(double[] dense) {
        int nonZero = 0;
        for (double v : dense) {
            nonZero += v != 0 ? 1 : 0;
        }
        int[] indices = new int[nonZero];
        double[] values = new double[nonZero];
        for (int j = 0, k = 0; j < dense.length; j++) {
            if (dense[j] != 0) {
                indices[k] = j;
                values[k++] = dense[j];
            }
        }
        return new SparseVector(dense.length, indices, values);
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }

    @Override
    public void save(String path) throws IOException {
        ReadWriteUtils.saveMetadata(this, path);
    }

    public static ChurnTrainer load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    /** A row's cells as text, null for null. */
    private static final class Cells implements MapFunction<Row, String[]> {
        @Override
        public String[] map(Row row) {
            String[] cells = new String[row.getArity()];
            for (int i = 0; i < cells.length; i++) {
                Object value = row.getField(i);
                cells[i] = value == null ? null : value.toString();
            }
            return cells;
        }
    }
}
