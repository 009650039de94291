package vigil.operators.sentiment;

import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelServable;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataType;
import org.apache.flink.ml.servable.types.DataTypes;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast sentiment path: parses a text with {@link MessageParser}, builds the snapshot's
 * {@link SentimentFeatures} and scores them with Flink ML's {@link LogisticRegressionModelServable}.
 * score = 2·P(positive) − 1; the label is POSITIVE above threshold + neutralBand, NEGATIVE below
 * threshold − neutralBand, NEUTRAL in between (threshold and band were chosen by cross-validation on
 * the training data, see {@link SnapshotMetadata}). Immutable once loaded, so one instance serves
 * every thread; the shipped model is loaded once per JVM ({@link #shared()}).
 *
 * <p>The shipped model learned "five stars or not" from Amazon fine-food reviews, the only labeled
 * text at hand: POSITIVE means five-star enthusiasm, and lukewarm praise ("not bad", "ok") scores
 * on the negative side, as it did in those reviews.
 */
public final class FastSentiment implements SentimentScorer {
    /** Classpath directory of the shipped model snapshot. */
    public static final String DEFAULT_MODEL = "vigil/models/sentiment";

    private static final List<DataType> TYPES = List.of(DataTypes.VECTOR(BasicType.DOUBLE));

    private final SnapshotMetadata metadata;
    private final SentimentFeatures features;
    private final LogisticRegressionModelServable servable;
    private final List<String> columns;
    private final String id;

    public FastSentiment(SnapshotMetadata metadata, InputStream modelData) throws IOException {
        this.metadata = metadata;
        this.features = new SentimentFeatures(metadata.features, metadata.lexicon);
        if (!Arrays.equals(metadata.denseFeatures, SentimentFeatures.DENSE) || metadata.dimensions != features.dimensions()) {
            throw new IllegalArgumentException("model " + metadata.id() + " was built with other features than this "
                    + "Vigil computes: " + Arrays.toString(metadata.denseFeatures) + ", " + metadata.dimensions + " dimensions");
        }
        this.servable = new LogisticRegressionModelServable().setModelData(modelData);
        this.columns = List.of(servable.getFeaturesCol());
        this.id = metadata.id();
    }

    /** The shipped model, loaded on first use. */
    public static FastSentiment shared() {
        return Holder.INSTANCE;
    }

    /** A snapshot directory written by the training job. */
    public static FastSentiment load(Path dir) throws IOException {
        try (InputStream json = ModelSnapshot.open(dir, ModelSnapshot.VIGIL_METADATA);
             InputStream data = ModelSnapshot.open(dir, ModelSnapshot.MODEL_DATA)) {
            return new FastSentiment(SnapshotMetadata.read(json), data);
        }
    }

    /** A snapshot held as classpath resources. */
    public static FastSentiment fromClasspath(String resourceDir) throws IOException {
        try (InputStream json = ModelSnapshot.openResource(resourceDir, ModelSnapshot.VIGIL_METADATA);
             InputStream data = ModelSnapshot.openResource(resourceDir, ModelSnapshot.MODEL_DATA)) {
            return new FastSentiment(SnapshotMetadata.read(json), data);
        }
    }

    @Override
    public Sentiment score(String text) {
        return label(probability(text));
    }

    /** The same as {@link #score(String)} with the text's words already tokenized (the analyzer's: one tokenization per text). */
    @Override
    public Sentiment score(String text, List<String> words) {
        String t = text == null ? "" : text;
        return label(probability(MessageParser.parse(t, words, metadata.features.negationWindow)));
    }

    private Sentiment label(double p) {
        SentimentLabel label = SentimentLabel.NEUTRAL;
        if (p > metadata.threshold + metadata.neutralBand) {
            label = SentimentLabel.POSITIVE;
        } else if (p < metadata.threshold - metadata.neutralBand) {
            label = SentimentLabel.NEGATIVE;
        }
        return new Sentiment(label, 2 * p - 1, id);
    }

    /** P(positive) of a text. */
    public double probability(String text) {
        return probability(MessageParser.parse(text == null ? "" : text, metadata.features.negationWindow));
    }

    private double probability(ParsedMessage message) {
        SparseVector x = features.vectorize(message);
        List<Row> rows = new ArrayList<>(1);
        rows.add(new Row(new ArrayList<>(List.of(x))));
        DataFrame output = servable.transform(new DataFrame(new ArrayList<>(columns), new ArrayList<>(TYPES), rows));
        DenseVector raw = output.collect().get(0).getAs(output.getIndex(servable.getRawPredictionCol()));
        return raw.values[1];
    }

    /** The score at the threshold: texts scored above it count as positive in binary evaluations. */
    public double decisionScore() {
        return 2 * metadata.threshold - 1;
    }

    public SnapshotMetadata metadata() {
        return metadata;
    }

    private static final class Holder {
        static final FastSentiment INSTANCE = loadDefault();

        private static FastSentiment loadDefault() {
            try {
                return fromClasspath(DEFAULT_MODEL);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the shipped sentiment model " + DEFAULT_MODEL, e);
            }
        }
    }
}
