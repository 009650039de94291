package vigil.operators.sentiment;

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
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The trained fast sentiment model, a Flink ML {@link Model}. Its model data is a
 * {@link LogisticRegressionModelData} (coefficients, version) and its parameters are exactly the
 * logistic model's, so a saved snapshot is what Flink ML's logistic servable loads; what turns text
 * into features (settings, lexicon) and the decision rule travel in its {@link SnapshotMetadata}.
 * {@link #transform} reads the text column it was trained on and appends the prediction (1.0 above
 * the threshold) and the raw prediction [1 − p, p].
 */
public final class SentimentModel implements Model<SentimentModel>, LogisticRegressionModelParams<SentimentModel> {
    private final Map<Param<?>, Object> paramMap = new HashMap<>();
    private SnapshotMetadata metadata;
    private LogisticRegressionModelData modelData;
    private transient StreamTableEnvironment tEnv;

    public SentimentModel() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
    }

    SentimentModel(SnapshotMetadata metadata, LogisticRegressionModelData modelData, StreamTableEnvironment tEnv) {
        this();
        this.metadata = metadata;
        this.modelData = modelData;
        this.tEnv = tEnv;
    }

    public SnapshotMetadata metadata() {
        return metadata;
    }

    public LogisticRegressionModelData modelData() {
        return modelData;
    }

    /** A scorer over this model, through the same servable the stream uses. */
    public FastSentiment scorer() {
        try {
            return new FastSentiment(metadata, new ByteArrayInputStream(encodedModelData()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        int textIndex = in.getFieldIndex(metadata.textCol);
        if (textIndex < 0) {
            throw new IllegalArgumentException("no text column '" + metadata.textCol + "' in " + Arrays.toString(in.getFieldNames()));
        }
        DataStream<Row> scored = env.toDataStream(inputs[0]).map(
                new ScoreRows(metadataJson(), encodedModelData(), textIndex),
                new RowTypeInfo(types, names));
        return new Table[] {env.fromDataStream(scored)};
    }

    /** Replaces the coefficients (and version) with those of a model data table: one row (coefficient, modelVersion). */
    @Override
    public SentimentModel setModelData(Table... inputs) {
        tEnv = (StreamTableEnvironment) ((TableImpl) inputs[0]).getTableEnvironment();
        try (CloseableIterator<Row> rows = inputs[0].execute().collect()) {
            Row row = rows.next();
            DenseVector coefficient = (DenseVector) row.getField("coefficient");
            modelData = new LogisticRegressionModelData(coefficient.clone(), (Long) row.getField("modelVersion"));
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
        return new Table[] {tEnv.fromDataStream(TableUtils.getExecutionEnvironment(tEnv).fromElements(modelData))};
    }

    @Override
    public void save(String path) throws IOException {
        ModelSnapshot.write(Path.of(path), this, modelData, metadata);
    }

    public static SentimentModel load(StreamTableEnvironment tEnv, String path) throws IOException {
        SentimentModel model = ReadWriteUtils.loadStageParam(path);
        Path dir = Path.of(path);
        try (InputStream json = ModelSnapshot.open(dir, ModelSnapshot.VIGIL_METADATA);
             InputStream data = ModelSnapshot.open(dir, ModelSnapshot.MODEL_DATA)) {
            model.metadata = SnapshotMetadata.read(json);
            model.modelData = ModelSnapshot.readModelData(data);
        }
        model.tEnv = tEnv;
        return model;
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    private byte[] encodedModelData() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            modelData.encode(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] metadataJson() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            metadata.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores each row in a task: the model travels as bytes and becomes a {@link FastSentiment} in open(). */
    private static final class ScoreRows extends RichMapFunction<Row, Row> {
        private final byte[] metadata;
        private final byte[] modelData;
        private final int textIndex;
        private transient FastSentiment scorer;

        ScoreRows(byte[] metadata, byte[] modelData, int textIndex) {
            this.metadata = metadata;
            this.modelData = modelData;
            this.textIndex = textIndex;
        }

        @Override
        public void open(Configuration parameters) throws IOException {
            scorer = new FastSentiment(SnapshotMetadata.read(new ByteArrayInputStream(metadata)),
                    new ByteArrayInputStream(modelData));
        }

        @Override
        public Row map(Row row) {
            Object text = row.getField(textIndex);
            double p = scorer.probability(text == null ? "" : text.toString());
            Row out = Row.withPositions(row.getArity() + 2);
            for (int i = 0; i < row.getArity(); i++) {
                out.setField(i, row.getField(i));
            }
            out.setField(row.getArity(), p > scorer.metadata().threshold ? 1.0 : 0.0);
            out.setField(row.getArity() + 1, Vectors.dense(1 - p, p));
            return out;
        }
    }
}
