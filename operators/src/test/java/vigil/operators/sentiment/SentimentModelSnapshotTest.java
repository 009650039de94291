package vigil.operators.sentiment;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelServable;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataTypes;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trains a tiny model on made-up texts, saves it, and loads it back every way a snapshot is read. */
class SentimentModelSnapshotTest {
    private static final List<String> PROBES = List.of("great tasty coffee", "awful stale snack", "not bad", "");
    private static StreamTableEnvironment tEnv;
    private static SentimentModel model;

    @BeforeAll
    static void train() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        tEnv = StreamTableEnvironment.create(env);
        List<org.apache.flink.types.Row> rows = new ArrayList<>();
        for (String thing : List.of("coffee", "tea", "snack", "service", "price", "box")) {
            for (String good : List.of("great", "lovely", "tasty", "excellent")) {
                rows.add(org.apache.flink.types.Row.of(good + " " + thing + "!", "yes"));
            }
            for (String bad : List.of("awful", "stale", "broken", "terrible")) {
                rows.add(org.apache.flink.types.Row.of("the " + thing + " was " + bad, "no"));
            }
        }
        Table table = tEnv.fromDataStream(env.fromCollection(rows,
                Types.ROW_NAMED(new String[] {"message", "verdict"}, Types.STRING, Types.STRING)));
        model = new SentimentTrainer().setTextCol("message").setLabelCol("verdict").setPositiveLabel("yes")
                .setHashBits(12).setModelVersion(7).set(SentimentTrainerParams.LEXICON_MIN_COUNT, 2).fit(table);
    }

    @Test
    void learnsTheTinyTask() {
        FastSentiment scorer = model.scorer();
        assertThat(scorer.probability("great tasty coffee")).isGreaterThan(0.7);
        assertThat(scorer.probability("awful stale snack")).isLessThan(0.3);
        assertThat(scorer.score("lovely tea").getModel()).isEqualTo("fast-sentiment-v7");
    }

    @Test
    void savedSnapshotLoadsWithIdenticalScoresVersionAndMetadata(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("model");
        model.save(snapshot.toString());
        assertThat(snapshot.resolve(ModelSnapshot.STAGE_METADATA)).exists();
        assertThat(snapshot.resolve(ModelSnapshot.MODEL_DATA)).exists();
        assertThat(Files.readString(snapshot.resolve(ModelSnapshot.VIGIL_METADATA))).contains("\"lexicon\"", "\"version\" : 7");

        FastSentiment original = model.scorer();
        FastSentiment loaded = FastSentiment.load(snapshot);
        SentimentModel reloaded = SentimentModel.load(tEnv, snapshot.toString());
        LogisticRegressionModelServable servable = LogisticRegressionModelServable.load(snapshot.toString());
        for (String text : PROBES) {
            double p = original.probability(text);
            assertThat(loaded.probability(text)).isEqualTo(p);
            assertThat(loaded.score(text)).isEqualTo(original.score(text));
            assertThat(reloaded.scorer().probability(text)).isEqualTo(p);
            assertThat(flinkMlProbability(servable, text)).isCloseTo(p, within(1e-15));
        }
        assertThat(loaded.metadata().id()).isEqualTo("fast-sentiment-v7");
        assertThat(reloaded.modelData().modelVersion).isEqualTo(7);
        assertThat(loaded.metadata().textCol).isEqualTo("message");
        assertThat(loaded.metadata().lexicon.counts()).usingRecursiveComparison().isEqualTo(model.metadata().lexicon.counts());
        assertThat(loaded.metadata().training.rows).isEqualTo(48);
        assertThat(loaded.metadata().features.hashBits).isEqualTo(12);
    }

    @Test
    void transformAppendsThePredictionColumns() throws Exception {
        List<org.apache.flink.types.Row> input = new ArrayList<>();
        PROBES.forEach(text -> input.add(org.apache.flink.types.Row.of(text)));
        StreamExecutionEnvironment env = org.apache.flink.ml.common.datastream.TableUtils.getExecutionEnvironment(tEnv);
        Table table = tEnv.fromDataStream(env.fromCollection(input, Types.ROW_NAMED(new String[] {"message"}, Types.STRING)));
        FastSentiment scorer = model.scorer();
        int rows = 0;
        try (CloseableIterator<org.apache.flink.types.Row> it = model.transform(table)[0].execute().collect()) {
            while (it.hasNext()) {
                org.apache.flink.types.Row row = it.next();
                double p = scorer.probability((String) row.getField("message"));
                assertThat(((DenseVector) row.getField("rawPrediction")).get(1)).isEqualTo(p);
                assertThat(row.getField("prediction")).isEqualTo(p > model.metadata().threshold ? 1.0 : 0.0);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(PROBES.size());
    }

    /** The probability from Flink ML's own servable, features built the fast path's way. */
    private static double flinkMlProbability(LogisticRegressionModelServable servable, String text) {
        SnapshotMetadata m = model.metadata();
        var x = new SentimentFeatures(m.features, m.lexicon).vectorize(MessageParser.parse(text, m.features.negationWindow));
        List<Row> rows = new ArrayList<>(List.of(new Row(new ArrayList<>(List.of(x)))));
        DataFrame out = servable.transform(new DataFrame(new ArrayList<>(List.of("features")),
                new ArrayList<>(List.of(DataTypes.VECTOR(BasicType.DOUBLE))), rows));
        return ((DenseVector) out.collect().get(0).get(out.getIndex("rawPrediction"))).get(1);
    }
}
