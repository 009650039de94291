package vigil.operators.sentiment;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.ml.api.Estimator;
import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelData;
import org.apache.flink.ml.common.datastream.DataStreamUtils;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.SparseVector;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;
import org.apache.flink.types.Either;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Trains the fast sentiment model from a table with a text column and a label column.
 *
 * <p>A Flink job parses every text in parallel (CoreNLP tokenization is the costly part) and counts,
 * with a keyed reduce, in how many positive and negative texts each term occurs: the lexicon. The
 * parsed rows and the counts are collected, and the logistic regression is then fitted here, by
 * L-BFGS over the featurized rows ({@link LogisticRegressionSolver}): Flink ML's iterative training
 * needs flink-ml-iteration, which does not run on Flink 1.18, and the rows fit in memory.
 */
public final class SentimentTrainer implements Estimator<SentimentTrainer, SentimentModel>,
        SentimentTrainerParams<SentimentTrainer> {
    private final Map<Param<?>, Object> paramMap = new HashMap<>();

    public SentimentTrainer() {
        ParamUtils.initializeMapWithDefaultValues(paramMap, this);
        setReg(3e-4);
        setMaxIter(300);
    }

    @Override
    public SentimentModel fit(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("expects one table, got " + inputs.length);
        }
        StreamTableEnvironment tEnv = (StreamTableEnvironment) ((TableImpl) inputs[0]).getTableEnvironment();
        FeatureSettings settings = featureSettings();
        List<LabeledTerms> rows = new ArrayList<>();
        Map<String, int[]> documentCounts = new HashMap<>();
        collect(tEnv.toDataStream(inputs[0]), settings, rows, documentCounts);
        rows.sort(LabeledTerms.CANONICAL);
        int positives = (int) rows.stream().filter(r -> r.positive).count();
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException("training data needs both classes: " + positives + " of "
                    + rows.size() + " rows have label '" + getPositiveLabel() + "' in column " + getLabelCol());
        }
        Lexicon lexicon = Lexicon.fromCounts(documentCounts, positives, rows.size() - positives,
                settings.lexiconMinCount, settings.lexiconSmoothing);
        SentimentFeatures features = new SentimentFeatures(settings, lexicon);
        SparseVector[] x = new SparseVector[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < x.length; i++) {
            y[i] = rows.get(i).positive;
            x[i] = features.vectorize(rows.get(i).message(), y[i]);
        }
        LogisticRegressionSolver solver = new LogisticRegressionSolver(getReg(), getMaxIter(), getTol());
        double[] coefficients = solver.solve(x, y, features.dimensions());

        SnapshotMetadata metadata = new SnapshotMetadata();
        metadata.name = get(MODEL_NAME);
        metadata.version = getModelVersion();
        metadata.created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        metadata.textCol = getTextCol();
        metadata.labelCol = getLabelCol();
        metadata.positiveLabel = getPositiveLabel();
        metadata.threshold = getThreshold();
        metadata.neutralBand = getNeutralBand();
        metadata.dimensions = features.dimensions();
        metadata.features = settings;
        metadata.lexicon = lexicon;
        metadata.training.rows = rows.size();
        metadata.training.positives = positives;
        metadata.training.l2 = getReg();
        metadata.training.maxIterations = getMaxIter();
        metadata.training.iterations = solver.iterations();
        LogisticRegressionModelData data = new LogisticRegressionModelData(new DenseVector(coefficients), getModelVersion());
        return new SentimentModel(metadata, data, tEnv);
    }

    /** Runs the parsing and counting job; one collected stream, so the two results cannot stall each other. */
    private void collect(DataStream<Row> input, FeatureSettings settings, List<LabeledTerms> rows,
                         Map<String, int[]> documentCounts) {
        TypeInformation<LabeledTerms> rowType = TypeInformation.of(LabeledTerms.class);
        TypeInformation<Tuple3<String, Integer, Integer>> countType = Types.TUPLE(Types.STRING, Types.INT, Types.INT);
        TypeInformation<Either<LabeledTerms, Tuple3<String, Integer, Integer>>> resultType = Types.EITHER(rowType, countType);
        DataStream<LabeledTerms> parsed = input
                .map(new Parse(getTextCol(), getLabelCol(), getPositiveLabel(), settings.negationWindow), rowType)
                .name("parse texts");
        DataStream<Tuple3<String, Integer, Integer>> counts = DataStreamUtils.reduce(
                parsed.flatMap(new DistinctTerms(), countType).keyBy(t -> t.f0, Types.STRING),
                (a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2 + b.f2), countType);
        DataStream<Either<LabeledTerms, Tuple3<String, Integer, Integer>>> results = parsed
                .map(Either::<LabeledTerms, Tuple3<String, Integer, Integer>>Left, resultType)
                .union(counts.map(Either::<LabeledTerms, Tuple3<String, Integer, Integer>>Right, resultType));
        try (CloseableIterator<Either<LabeledTerms, Tuple3<String, Integer, Integer>>> it =
                     results.executeAndCollect("vigil sentiment features")) {
            it.forEachRemaining(e -> {
                if (e.isLeft()) {
                    rows.add(e.left());
                } else {
                    documentCounts.put(e.right().f0, new int[] {e.right().f1, e.right().f2});
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("the sentiment training job failed", e);
        }
    }

    @Override
    public void save(String path) throws IOException {
        ReadWriteUtils.saveMetadata(this, path);
    }

    public static SentimentTrainer load(StreamTableEnvironment tEnv, String path) throws IOException {
        return ReadWriteUtils.loadStageParam(path);
    }

    @Override
    public Map<Param<?>, Object> getParamMap() {
        return paramMap;
    }

    /** Reads one row: its text parsed, its label compared with the positive label. */
    private static final class Parse implements MapFunction<Row, LabeledTerms> {
        private final String textCol;
        private final String labelCol;
        private final String positiveLabel;
        private final int negationWindow;

        Parse(String textCol, String labelCol, String positiveLabel, int negationWindow) {
            this.textCol = textCol;
            this.labelCol = labelCol;
            this.positiveLabel = positiveLabel;
            this.negationWindow = negationWindow;
        }

        @Override
        public LabeledTerms map(Row row) {
            Object text = row.getField(textCol);
            Object label = row.getField(labelCol);
            ParsedMessage message = MessageParser.parse(text == null ? "" : text.toString(), negationWindow);
            return new LabeledTerms(message, label != null && positiveLabel.equals(label.toString()));
        }
    }

    /** One count per distinct term of a text: document frequencies, not term frequencies. */
    private static final class DistinctTerms implements FlatMapFunction<LabeledTerms, Tuple3<String, Integer, Integer>> {
        @Override
        public void flatMap(LabeledTerms row, Collector<Tuple3<String, Integer, Integer>> out) {
            for (String term : new HashSet<>(List.of(row.terms))) {
                if (!term.equals(ParsedMessage.BREAK)) {
                    out.collect(Tuple3.of(term, row.positive ? 1 : 0, row.positive ? 0 : 1));
                }
            }
        }
    }
}
