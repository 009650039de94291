package vigil.operators.churn.train;

import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.builder.Pipeline;
import org.apache.flink.ml.builder.PipelineModel;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.Expressions;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import vigil.operators.churn.ChurnHyperParameters;
import vigil.operators.churn.ChurnMetadata;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.FeaturePipeline;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.stages.BoostingParams;
import vigil.operators.churn.stages.InteractionEncoder;
import vigil.operators.churn.stages.OneHotEncoder;
import vigil.operators.churn.stages.QuantileBinner;
import vigil.operators.churn.stages.StandardScaler;
import vigil.operators.churn.stages.TrainingColumns;
import vigil.operators.churn.stages.TreeLeafEncoder;
import vigil.operators.churn.stages.VectorStageEstimator;
import vigil.operators.churn.stages.VectorStageModel;
import vigil.operators.sentiment.LogisticRegressionSolver;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a churn model from a table of profile attributes and a label column. Every other column
 * is an input feature (numeric or categorical, see {@link FeatureKinds}); the feature stages
 * ({@link StandardScaler}, {@link OneHotEncoder}, {@link QuantileBinner}, {@link InteractionEncoder},
 * {@link TreeLeafEncoder}: Flink ML estimators written in Vigil) are fitted as a Flink ML
 * {@link Pipeline}, and a logistic regression with L2 is fitted over the vector their models append.
 *
 * <p>{@link #fit(Table...)} reads the table with a Flink job to decide the feature kinds, fits the
 * pipeline on the table (each stage collects its columns and fits in this JVM: Flink ML's iterative
 * operators need flink-ml-iteration, which does not run on Flink 1.18, and a few thousand profiles
 * fit in memory), transforms the table with the fitted pipeline and solves the regression over the
 * collected vectors. Fitting depends on row order (floating-point sums, ties between tree splits), so
 * a reproducible model needs the table read at parallelism 1. Cross-validation calls
 * {@link #fit(LabeledRows)}, which fits the same stages with the same code on rows already in memory,
 * without Flink jobs (30 fits per training would otherwise mean 30 × 7 jobs).
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
        Table table = TrainingColumns.single(inputs);
        List<String> columns = table.getResolvedSchema().getColumnNames();
        FeatureKinds kinds = kinds(new LabeledRows(columns, TrainingColumns.collect(table, columns.toArray(String[]::new))));
        List<VectorStageEstimator<?, ?>> estimators = estimators(kinds.features());
        for (VectorStageEstimator<?, ?> estimator : estimators) {
            if (columns.contains(estimator.getOutputCol())) {
                throw new IllegalArgumentException("the table already has a column " + estimator.getOutputCol());
            }
        }
        PipelineModel fitted = new Pipeline(new ArrayList<>(estimators)).fit(table);
        List<VectorStage> stages = new ArrayList<>();
        for (Stage<?> stage : stagesOf(fitted)) {
            stages.add(((VectorStageModel<?>) stage).stage());
        }

        String[] vectorCols = new String[estimators.size() + 1];
        vectorCols[0] = getLabelCol();
        for (int s = 0; s < estimators.size(); s++) {
            vectorCols[s + 1] = estimators.get(s).getOutputCol();
        }
        Table vectors = fitted.transform(table)[0].select(Arrays.stream(vectorCols).map(Expressions::$).toArray(Expression[]::new));
        List<double[]> x = new ArrayList<>();
        List<Boolean> positive = new ArrayList<>();
        try (CloseableIterator<Row> it = vectors.execute().collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                positive.add(LabeledRows.isPositive((String) row.getField(0), getPositiveLabel()));
                x.add(concatenate(row));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the job vectorizing the churn training data failed", e);
        }
        boolean[] labels = new boolean[positive.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = positive.get(i);
        }
        return regress(kinds, new FeaturePipeline(kinds.features(), nonEmpty(stages)), x, labels)
                .withTableEnvironment(TrainingColumns.environment(table));
    }

    /** Fits on rows already in memory: the same stages as {@link #fit(Table...)}, fitted directly. */
    public ChurnModel fit(LabeledRows rows) {
        FeatureKinds kinds = kinds(rows);
        boolean[] positive = rows.labels(getLabelCol(), getPositiveLabel());
        TrainingSet data = TrainingSet.parse(kinds.features(), kinds.project(rows), positive);
        List<VectorStage> stages = new ArrayList<>();
        for (VectorStageEstimator<?, ?> estimator : estimators(kinds.features())) {
            stages.add(estimator.fit(data));
        }
        FeaturePipeline pipeline = new FeaturePipeline(kinds.features(), nonEmpty(stages));
        List<double[]> x = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            x.add(pipeline.vectorize(data.row(i)));
        }
        return regress(kinds, pipeline, x, positive);
    }

    /** The feature kinds of the rows, after checking there are features and both classes. */
    private FeatureKinds kinds(LabeledRows rows) {
        FeatureKinds kinds = FeatureKinds.infer(rows, getLabelCol());
        if (kinds.features().isEmpty()) {
            throw new IllegalArgumentException("no usable feature columns; left out: " + kinds.ignored());
        }
        int positives = count(rows.labels(getLabelCol(), getPositiveLabel()));
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException("training data needs both classes: " + positives + " of " + rows.size()
                    + " rows have " + getLabelCol() + " = " + getPositiveLabel());
        }
        return kinds;
    }

    /**
     * The feature stages in vector order: scaling, one-hot, bins, then the interactions the boosted
     * trees point at and the trees' leaves when the hyper-parameters ask for them.
     */
    public List<VectorStageEstimator<?, ?>> estimators(List<InputFeature> features) {
        ChurnHyperParameters h = hyperParameters();
        List<VectorStageEstimator<?, ?>> estimators = new ArrayList<>();
        estimators.add(new StandardScaler().setFeatures(features).setOutputCol("__scaled"));
        estimators.add(new OneHotEncoder().setFeatures(features).setOutputCol("__oneHot")
                .set(OneHotEncoder.MIN_CATEGORY_COUNT, h.minCategoryCount()));
        estimators.add(new QuantileBinner().setFeatures(features).setOutputCol("__bins").set(QuantileBinner.BINS, h.bins()));
        if (h.interactions() > 0) {
            estimators.add(boosting(new InteractionEncoder(), h, h.trees() > 0 ? h.trees() : SCREENING_TREES)
                    .setFeatures(features).setOutputCol("__interactions")
                    .set(InteractionEncoder.INTERACTIONS, h.interactions())
                    .set(InteractionEncoder.MIN_CATEGORY_COUNT, h.minCategoryCount()));
        }
        if (h.trees() > 0) {
            estimators.add(boosting(new TreeLeafEncoder(), h, h.trees()).setFeatures(features).setOutputCol("__treeLeaves"));
        }
        return estimators;
    }

    private <T extends BoostingParams<T>> T boosting(T stage, ChurnHyperParameters h, int trees) {
        stage.setLabelCol(getLabelCol()).setPositiveLabel(getPositiveLabel()).setTrees(trees);
        stage.set(BoostingParams.TREE_DEPTH, h.treeDepth()).set(BoostingParams.LEARNING_RATE, h.learningRate());
        return stage.set(BoostingParams.MIN_LEAF_ROWS, h.minLeafRows());
    }

    /** Fits the regression over the rows' vectors and describes the model. */
    private ChurnModel regress(FeatureKinds kinds, FeaturePipeline pipeline, List<double[]> vectors, boolean[] positive) {
        SparseVector[] x = new SparseVector[vectors.size()];
        double[] slotMeans = new double[pipeline.dimensions()];
        for (int i = 0; i < x.length; i++) {
            double[] dense = vectors.get(i);
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
        metadata.rows = x.length;
        metadata.positives = count(positive);
        metadata.features = kinds.features().stream().map(InputFeature::describe).toList();
        metadata.ignoredColumns = kinds.ignored();
        metadata.dimensions = pipeline.dimensions();
        metadata.stages = pipeline.stages().stream()
                .map(s -> s.getClass().getSimpleName() + " (" + s.width() + " slots)").toList();
        metadata.hyperParameters = hyperParameters();
        metadata.iterations = solver.iterations();
        return new ChurnModel(metadata, pipeline, slotMeans, coefficients);
    }

    /** A vectorized row's stage blocks (fields 1..) laid end to end, then the intercept's constant 1. */
    private static double[] concatenate(Row row) {
        int width = 1;
        for (int f = 1; f < row.getArity(); f++) {
            width += ((DenseVector) row.getField(f)).size();
        }
        double[] x = new double[width];
        int offset = 0;
        for (int f = 1; f < row.getArity(); f++) {
            double[] block = ((DenseVector) row.getField(f)).values;
            System.arraycopy(block, 0, x, offset, block.length);
            offset += block.length;
        }
        x[width - 1] = 1;
        return x;
    }

    /** Stages that write no slot (no categorical feature, no numeric one) are left out of the model. */
    private static List<VectorStage> nonEmpty(List<VectorStage> stages) {
        return stages.stream().filter(s -> s.width() > 0).toList();
    }

    /**
     * The fitted stages of a pipeline model, in order. Flink ML 2.3 keeps {@code PipelineModel.getStages()}
     * package-private, and the churn model needs the fitted stages themselves to score outside Flink.
     */
    @SuppressWarnings("unchecked")
    private static List<Stage<?>> stagesOf(PipelineModel model) {
        try {
            Method getStages = PipelineModel.class.getDeclaredMethod("getStages");
            getStages.setAccessible(true);
            return (List<Stage<?>>) getStages.invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the fitted stages of Flink ML's PipelineModel", e);
        }
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
}
