package vigil.operators.churn;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelData;
import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelParams;
import org.apache.flink.ml.common.datastream.TableUtils;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.Vectors;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained churn model: fitted transformers (scaling, one-hot, quantile bins, interactions, boosted
 * tree leaves) into a fixed vector, then a logistic regression with L2 over it. Scoring is plain Java
 * ({@link #predict}); the same object is a Flink ML {@link Model} whose model data is a
 * {@link LogisticRegressionModelData}, so a saved snapshot is what Flink ML's logistic servable loads.
 * Immutable for scoring: {@link #withCoefficients} returns a new model. ({@link #setModelData} is
 * Flink ML's API and replaces the coefficients in place; do not call it on a model being scored.)
 */
public final class ChurnModel implements Model<ChurnModel>, OnlineLinearModel, LogisticRegressionModelParams<ChurnModel> {
    private static final long serialVersionUID = 1L;
    /** Classpath directory of a model snapshot shipped with Vigil, if one is packaged. */
    public static final String DEFAULT_MODEL = "vigil/models/churn";

    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private ChurnMetadata metadata;
    private FeaturePipeline pipeline;
    private double[] slotMeans;
    private double[] coefficients;
    private ReasonCodes reasons;
    private transient StreamTableEnvironment tEnv;

    /** For Flink ML's reflection only; use the trainer, {@link #load} or {@link #fromJson}. */
    public ChurnModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    public ChurnModel(ChurnMetadata metadata, FeaturePipeline pipeline, double[] slotMeans, double[] coefficients) {
        this();
        init(metadata, pipeline, slotMeans, coefficients);
    }

    private void init(ChurnMetadata metadata, FeaturePipeline pipeline, double[] slotMeans, double[] coefficients) {
        if (coefficients.length != pipeline.dimensions() || slotMeans.length != pipeline.dimensions()) {
            throw new IllegalArgumentException("the model has " + pipeline.dimensions() + " slots but "
                    + coefficients.length + " coefficients and " + slotMeans.length + " slot means");
        }
        this.metadata = metadata;
        this.pipeline = pipeline;
        this.slotMeans = slotMeans.clone();
        this.coefficients = coefficients.clone();
        this.reasons = new ReasonCodes(pipeline, this.coefficients, this.slotMeans);
    }

    static ChurnModel of(ChurnModelDocument document) {
        if (document.coefficients == null) {
            throw new IllegalArgumentException("the churn model document has no coefficients");
        }
        return new ChurnModel(document.metadata, new FeaturePipeline(document.features, document.stages),
                document.slotMeans, document.coefficients);
    }

    /** Loads a snapshot directory written by {@link #save(Path)}. */
    public static ChurnModel load(Path dir) {
        try {
            return ChurnSnapshot.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the churn model snapshot in " + dir, e);
        }
    }

    /** Loads a snapshot held as classpath resources, e.g. {@link #DEFAULT_MODEL}. */
    public static ChurnModel fromClasspath(String resourceDir) {
        try {
            return ChurnSnapshot.readResource(resourceDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the churn model snapshot " + resourceDir, e);
        }
    }

    /** Reads a document written by {@link #toJson()}. */
    public static ChurnModel fromJson(String json) {
        return of(ChurnModelDocument.fromJson(json));
    }

    /** Writes a snapshot directory (see {@link ChurnSnapshot}); it must not exist or be empty. */
    public void save(Path dir) {
        try {
            ChurnSnapshot.write(dir, this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the churn model snapshot to " + dir, e);
        }
    }

    @Override
    public void save(String path) throws IOException {
        ChurnSnapshot.write(Path.of(path), this);
    }

    /** Flink ML's loader signature; the table environment is kept for {@link #getModelData}. */
    public static ChurnModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        ChurnModel model = ChurnSnapshot.read(Path.of(path));
        model.tEnv = tEnv;
        return model;
    }

    @Override
    public String id() {
        return metadata.id();
    }

    @Override
    public long version() {
        return metadata.version;
    }

    public ChurnMetadata metadata() {
        return metadata;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public List<InputFeature> features() {
        return pipeline.features();
    }

    /** The input features with their kinds, e.g. {@code tenure (numeric)}, {@code contract (categorical)}. */
    public List<String> inputFeatures() {
        return pipeline.features().stream().map(InputFeature::describe).toList();
    }

    @Override
    public ChurnPrediction predict(Map<String, ?> features) {
        FeatureRow row = FeatureRow.of(pipeline.features(), features);
        double[] x = pipeline.vectorize(row);
        double risk = probability(x);
        return new ChurnPrediction(risk, ReasonCodes.top(reasons.contributions(x), pipeline.features(), row));
    }

    /** Risk alone, without reasons. */
    public double risk(Map<String, ?> features) {
        return probability(pipeline.vectorize(features));
    }

    /** Contribution of every input feature to the log-odds, against the average training customer. */
    public double[] contributions(Map<String, ?> features) {
        return reasons.contributions(pipeline.vectorize(features));
    }

    private double probability(double[] x) {
        double margin = 0;
        for (int j = 0; j < x.length; j++) {
            margin += coefficients[j] * x[j];
        }
        return 1 / (1 + Math.exp(-margin));
    }

    @Override
    public double[] vectorize(Map<String, ?> features) {
        return pipeline.vectorize(features);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The training mean of every vector slot, the reference point of reason codes. */
    public double[] slotMeans() {
        return slotMeans.clone();
    }

    @Override
    public ChurnModel withCoefficients(double[] coefficients, long version) {
        ChurnModel copy = new ChurnModel(metadata.withVersion(version), pipeline, slotMeans, coefficients);
        copy.paramMap.putAll(paramMap);
        copy.tEnv = tEnv;
        return copy;
    }

    @Override
    public String toJson() {
        return document(true).toJson(false);
    }

    ChurnModelDocument document(boolean withCoefficients) {
        ChurnModelDocument document = new ChurnModelDocument();
        document.metadata = metadata;
        document.features = pipeline.features();
        document.stages = pipeline.stages();
        document.slotMeans = slotMeans;
        document.coefficients = withCoefficients ? coefficients : null;
        return document;
    }

    public LogisticRegressionModelData modelData() {
        return new LogisticRegressionModelData(new DenseVector(coefficients.clone()), metadata.version);
    }

    /**
     * Appends the prediction (1.0 when risk &gt; 0.5) and the raw prediction [1 − risk, risk] to each
     * row; the input features are read from the columns of the same names (absent columns are missing).
     */
    @Override
    public Table[] transform(Table... inputs) {
        StreamTableEnvironment env = (StreamTableEnvironment) ((TableImpl) inputs[0]).getTableEnvironment();
        RowTypeInfo in = TableUtils.getRowTypeInfo(inputs[0].getResolvedSchema());
        TypeInformation<?>[] types = Arrays.copyOf(in.getFieldTypes(), in.getArity() + 2);
        String[] names = Arrays.copyOf(in.getFieldNames(), in.getArity() + 2);
        types[in.getArity()] = Types.DOUBLE;
        types[in.getArity() + 1] = DenseVectorTypeInfo.INSTANCE;
        names[in.getArity()] = getPredictionCol();
        names[in.getArity() + 1] = getRawPredictionCol();
        DataStream<Row> scored = env.toDataStream(inputs[0])
                .map(new ScoreRows(toJson(), in.getFieldNames()), new RowTypeInfo(types, names));
        return new Table[] {env.fromDataStream(scored)};
    }

    /** Replaces the coefficients (and version) with those of a model data table: one row (coefficient, modelVersion). */
    @Override
    public ChurnModel setModelData(Table... inputs) {
        tEnv = (StreamTableEnvironment) ((TableImpl) inputs[0]).getTableEnvironment();
        try (CloseableIterator<Row> rows = inputs[0].execute().collect()) {
            Row row = rows.next();
            DenseVector coefficient = (DenseVector) row.getField("coefficient");
            init(metadata.withVersion((Long) row.getField("modelVersion")), pipeline, slotMeans, coefficient.values);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the model data table", e);
        }
        return this;
    }

    @Override
    public Table[] getModelData() {
        if (tEnv == null) {
            throw new IllegalStateException("model data tables need the table environment of fit() or load()");
        }
        return new Table[] {tEnv.fromDataStream(TableUtils.getExecutionEnvironment(tEnv).fromElements(modelData()))};
    }

    /** Keeps the table environment a trainer fitted with, for {@link #getModelData}. */
    public ChurnModel withTableEnvironment(StreamTableEnvironment tEnv) {
        this.tEnv = tEnv;
        return this;
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    /** Scores rows in a task: the model travels as JSON and is rebuilt in open(). */
    private static final class ScoreRows extends RichMapFunction<Row, Row> {
        private final String json;
        private final String[] columns;
        private transient ChurnModel model;

        ScoreRows(String json, String[] columns) {
            this.json = json;
            this.columns = columns;
        }

        @Override
        public void open(Configuration parameters) {
            model = fromJson(json);
        }

        @Override
        public Row map(Row row) {
            Map<String, Object> features = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                features.put(columns[i], row.getField(i));
            }
            double risk = model.risk(features);
            Row out = Row.withPositions(row.getArity() + 2);
            for (int i = 0; i < row.getArity(); i++) {
                out.setField(i, row.getField(i));
            }
            out.setField(row.getArity(), risk > 0.5 ? 1.0 : 0.0);
            out.setField(row.getArity() + 1, Vectors.dense(1 - risk, risk));
            return out;
        }
    }
}
