package vigil.operators.churn.stages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.ml.api.Model;
import org.apache.flink.ml.common.datastream.TableUtils;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorTypeInfo;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted churn feature stage as a Flink ML {@link Model}: {@link #transform} appends the stage's
 * block of the feature vector to every row as a {@link DenseVector} column ({@link #getOutputCol}),
 * reading the input features from the columns of the same names (text or numbers). The model data is
 * one row with one column, {@value #MODEL_DATA_COL}: the fitted {@link VectorStage} as JSON, as a churn
 * model's snapshot records it. A saved model is Flink ML's {@code metadata} plus {@code data/part-0}
 * holding that JSON.
 */
public abstract class VectorStageModel<M extends VectorStageModel<M>> implements Model<M>, ChurnStageParams<M> {
    private static final long serialVersionUID = 1L;
    public static final String MODEL_DATA_COL = "stage";
    static final String MODEL_DATA_FILE = "data/part-0";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private VectorStage stage;
    private transient StreamTableEnvironment tEnv;

    protected VectorStageModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    /** The fitted stage, as a churn model's feature pipeline holds it. */
    public VectorStage stage() {
        if (stage == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no model data");
        }
        return stage;
    }

    @SuppressWarnings("unchecked")
    M fitted(VectorStage stage, StreamTableEnvironment tEnv) {
        this.stage = stage;
        this.tEnv = tEnv;
        return (M) this;
    }

    @Override
    public Table[] transform(Table... inputs) {
        Table input = TrainingColumns.single(inputs);
        StreamTableEnvironment env = TrainingColumns.environment(input);
        RowTypeInfo in = TableUtils.getRowTypeInfo(input.getResolvedSchema());
        TypeInformation<?>[] types = Arrays.copyOf(in.getFieldTypes(), in.getArity() + 1);
        String[] names = Arrays.copyOf(in.getFieldNames(), in.getArity() + 1);
        types[in.getArity()] = DenseVectorTypeInfo.INSTANCE;
        names[in.getArity()] = getOutputCol();
        EncodeRows encode = new EncodeRows(toJson(stage()), features(), TrainingColumns.positions(input, getInputCols()));
        return new Table[] {env.fromDataStream(env.toDataStream(input)
                .map(encode, new RowTypeInfo(types, names)).name(getClass().getSimpleName()))};
    }

    /** Reads the fitted stage from a model data table (see {@link #getModelData}). */
    @Override
    @SuppressWarnings("unchecked")
    public M setModelData(Table... inputs) {
        Table data = TrainingColumns.single(inputs);
        tEnv = TrainingColumns.environment(data);
        try (CloseableIterator<Row> rows = data.execute().collect()) {
            stage = fromJson((String) rows.next().getField(MODEL_DATA_COL));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the model data table of " + getClass().getSimpleName(), e);
        }
        return (M) this;
    }

    @Override
    public Table[] getModelData() {
        if (tEnv == null) {
            throw new IllegalStateException("model data tables need the table environment of fit(), load() or setModelData()");
        }
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {MODEL_DATA_COL}, Types.STRING);
        return new Table[] {tEnv.fromDataStream(TableUtils.getExecutionEnvironment(tEnv)
                .fromCollection(List.of(Row.of(toJson(stage()))), type))};
    }

    @Override
    public void save(String path) throws IOException {
        ReadWriteUtils.saveMetadata(this, path);
        Path data = Path.of(path, MODEL_DATA_FILE);
        Files.createDirectories(data.getParent());
        Files.writeString(data, toJson(stage()), StandardCharsets.UTF_8);
    }

    /** Flink ML's loading: parameters from {@code metadata}, the fitted stage from {@code data/part-0}. */
    protected static <M extends VectorStageModel<M>> M load(StreamTableEnvironment tEnv, String path) throws IOException {
        M model = ReadWriteUtils.loadStageParam(path);
        return model.fitted(fromJson(Files.readString(Path.of(path, MODEL_DATA_FILE), StandardCharsets.UTF_8)), tEnv);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    static String toJson(VectorStage stage) {
        try {
            return JSON.writerFor(VectorStage.class).writeValueAsString(stage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VectorStage fromJson(String json) {
        try {
            return JSON.readValue(json, VectorStage.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a fitted churn stage: " + e.getMessage(), e);
        }
    }

    /** Appends a stage's block to each row; the stage travels as JSON and is rebuilt in open(). */
    private static final class EncodeRows extends RichMapFunction<Row, Row> {
        private final String json;
        private final List<InputFeature> features;
        private final int[] positions;
        private transient VectorStage stage;

        EncodeRows(String json, List<InputFeature> features, int[] positions) {
            this.json = json;
            this.features = List.copyOf(features);
            this.positions = positions;
        }

        @Override
        public void open(Configuration parameters) {
            stage = fromJson(json);
        }

        @Override
        public Row map(Row row) {
            Map<String, Object> values = new HashMap<>();
            for (int f = 0; f < positions.length; f++) {
                values.put(features.get(f).name(), row.getField(positions[f]));
            }
            double[] block = new double[stage.width()];
            stage.encode(FeatureRow.of(features, values), block, 0);
            Row out = Row.withPositions(row.getArity() + 1);
            for (int i = 0; i < row.getArity(); i++) {
                out.setField(i, row.getField(i));
            }
            out.setField(row.getArity(), new DenseVector(block));
            return out;
        }
    }
}
