package vigil.operators.churn.stages;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.builder.Pipeline;
import org.apache.flink.ml.builder.PipelineModel;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.util.ParamUtils;
import org.apache.flink.ml.util.ReadWriteUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Expressions;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vigil.operators.churn.ChurnHyperParameters;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.SyntheticProfiles;
import vigil.operators.churn.train.ChurnTrainer;
import vigil.operators.churn.train.FeatureKinds;
import vigil.operators.churn.train.LabeledRows;
import vigil.operators.churn.train.TrainingSet;
import vigil.operators.churn.train.VectorStage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each churn feature stage as a Flink ML estimator and model on a small table, and the trainer's
 * pipeline against its in-memory fit. Parallelism 1: fitting depends on row order, which a job keeps
 * only at parallelism 1.
 */
class ChurnStagesTest {
    private static final ChurnHyperParameters SMALL = new ChurnHyperParameters(1e-2, 5, 5, 4, 2, 0.1, 10, 2);
    private static StreamTableEnvironment tEnv;
    private static LabeledRows rows;
    private static Table table;
    private static ChurnTrainer trainer;
    private static List<VectorStageEstimator<?, ?>> estimators;
    private static TrainingSet data;

    @BeforeAll
    static void setUp() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        tEnv = StreamTableEnvironment.create(env);
        rows = SyntheticProfiles.generate(300, 5);
        List<Row> values = new ArrayList<>();
        rows.cells().forEach(cells -> values.add(Row.of((Object[]) cells.clone())));
        TypeInformation<?>[] types = new TypeInformation<?>[rows.columns().size()];
        java.util.Arrays.fill(types, Types.STRING);
        table = tEnv.fromDataStream(env.fromCollection(values, Types.ROW_NAMED(rows.columns().toArray(String[]::new), types)));

        trainer = new ChurnTrainer().setLabelCol("churn").setPositiveLabel("Yes").setHyperParameters(SMALL);
        FeatureKinds kinds = FeatureKinds.infer(rows, "churn");
        estimators = trainer.estimators(kinds.features());
        data = TrainingSet.parse(kinds.features(), kinds.project(rows), rows.labels("churn", "Yes"));
    }

    @Test
    void theTrainerAsksForEveryStageInVectorOrder() {
        assertThat(estimators).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "StandardScaler", "OneHotEncoder", "QuantileBinner", "InteractionEncoder", "TreeLeafEncoder");
        assertThat(estimators.get(0).getInputCols()).containsExactly("tenure", "contract", "service_calls", "region");
        assertThat(estimators.get(0).getCategoricalCols()).containsExactly("contract", "region");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void fitTransformModelDataAndSaveLoadAgreeWithTheInMemoryStage(int index, @TempDir Path dir) throws Exception {
        VectorStageEstimator<?, ?> estimator = estimators.get(index);
        VectorStage inMemory = estimator.fit(data);
        VectorStageModel<?> model = estimator.fit(table);
        assertThat(VectorStageModel.toJson(model.stage())).isEqualTo(VectorStageModel.toJson(inMemory));
        assertThat(inMemory.width()).isPositive();
        assertThat(model.getOutputCol()).isEqualTo(estimator.getOutputCol());
        assertThat(model.getInputCols()).isEqualTo(estimator.getInputCols());

        List<double[]> expected = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            double[] block = new double[inMemory.width()];
            inMemory.encode(data.row(i), block, 0);
            expected.add(block);
        }
        VectorStageModel<?> fromData = newModel(index).setModelData(model.getModelData());
        ParamUtils.updateExistingParams(fromData, model.getParamMap());
        assertThat(VectorStageModel.toJson(fromData.stage())).isEqualTo(VectorStageModel.toJson(inMemory));
        model.save(dir.toString());
        VectorStageModel<?> loaded = (VectorStageModel<?>) ReadWriteUtils.loadStage(tEnv, dir.toString());
        assertThat(loaded).isExactlyInstanceOf(model.getClass());
        assertThat(loaded.getInputCols()).isEqualTo(model.getInputCols());
        assertThat(loaded.getCategoricalCols()).isEqualTo(model.getCategoricalCols());
        assertThat(loaded.getOutputCol()).isEqualTo(model.getOutputCol());

        // one job: the fitted, the model-data and the loaded model each append their column
        Table transformed = model.transform(table)[0];
        assertThat(transformed.getResolvedSchema().getColumnNames())
                .startsWith(rows.columns().toArray(String[]::new)).endsWith(estimator.getOutputCol());
        fromData.setOutputCol("fromData");
        loaded.setOutputCol("loaded");
        List<List<double[]>> columns = blocks(loaded.transform(fromData.transform(transformed)[0])[0],
                estimator.getOutputCol(), "fromData", "loaded");
        assertThat(columns.get(0)).containsExactlyElementsOf(expected);
        assertThat(columns.get(1)).containsExactlyElementsOf(expected);
        assertThat(columns.get(2)).containsExactlyElementsOf(expected);
    }

    @Test
    void theTrainersPipelineFitsTheSameModelAsTheInMemoryFit() {
        ChurnModel inMemory = trainer.fit(rows);
        ChurnModel pipeline = trainer.fit(table);
        assertThat(pipeline.coefficients()).containsExactly(inMemory.coefficients());
        assertThat(pipeline.slotMeans()).containsExactly(inMemory.slotMeans());
        assertThat(pipeline.pipeline().features()).isEqualTo(inMemory.pipeline().features());
        assertThat(pipeline.pipeline().stages()).extracting(VectorStageModel::toJson)
                .containsExactlyElementsOf(inMemory.pipeline().stages().stream().map(VectorStageModel::toJson).toList());
        assertThat(pipeline.metadata().stages).isEqualTo(inMemory.metadata().stages).hasSize(5);
        assertThat(pipeline.metadata().rows).isEqualTo(300);
        assertThat(pipeline.metadata().positives).isEqualTo(inMemory.metadata().positives);
        assertThat(pipeline.metadata().iterations).isEqualTo(inMemory.metadata().iterations);
        assertThat(pipeline.getModelData()).hasSize(1);
    }

    @Test
    void aFlinkMlPipelineOfTheStagesSavesAndLoads(@TempDir Path dir) throws Exception {
        new Pipeline(new ArrayList<>(estimators.subList(0, 2))).fit(table).save(dir.toString());
        PipelineModel loaded = PipelineModel.load(tEnv, dir.toString());
        VectorStage scaling = estimators.get(0).fit(data);
        VectorStage oneHot = estimators.get(1).fit(data);
        List<List<double[]>> columns = blocks(loaded.transform(table)[0], "__scaled", "__oneHot");
        for (int i = 0; i < data.rows(); i++) {
            double[] scaled = new double[scaling.width()];
            scaling.encode(data.row(i), scaled, 0);
            double[] encoded = new double[oneHot.width()];
            oneHot.encode(data.row(i), encoded, 0);
            assertThat(columns.get(0).get(i)).containsExactly(scaled);
            assertThat(columns.get(1).get(i)).containsExactly(encoded);
        }
    }

    private static VectorStageModel<?> newModel(int index) {
        return switch (index) {
            case 0 -> new StandardScalerModel();
            case 1 -> new OneHotEncoderModel();
            case 2 -> new QuantileBinnerModel();
            case 3 -> new InteractionEncoderModel();
            default -> new TreeLeafEncoderModel();
        };
    }

    /** The values of vector columns, each in row order. */
    private static List<List<double[]>> blocks(Table table, String... cols) throws Exception {
        List<List<double[]>> blocks = new ArrayList<>();
        for (String ignored : cols) {
            blocks.add(new ArrayList<>());
        }
        Expression[] selected = java.util.Arrays.stream(cols).map(Expressions::$).toArray(Expression[]::new);
        try (CloseableIterator<Row> it = table.select(selected).execute().collect()) {
            it.forEachRemaining(row -> {
                for (int c = 0; c < cols.length; c++) {
                    blocks.get(c).add(((DenseVector) row.getField(c)).values);
                }
            });
        }
        return blocks;
    }
}
