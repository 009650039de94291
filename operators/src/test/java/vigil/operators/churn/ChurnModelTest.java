package vigil.operators.churn;

import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelServable;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.servable.api.DataFrame;
import org.apache.flink.ml.servable.api.Row;
import org.apache.flink.ml.servable.types.BasicType;
import org.apache.flink.ml.servable.types.DataTypes;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.operators.churn.train.ChurnTrainer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vigil.operators.features.FeatureSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Trains on made-up profiles with a known rule and checks everything a scorer relies on. */
class ChurnModelTest {
    private static ChurnModel linear;
    private static ChurnModel withTrees;

    @BeforeAll
    static void train() {
        var rows = SyntheticProfiles.generate(1500, 11);
        linear = new ChurnTrainer().setLabelCol("churn").setPositiveLabel("Yes").setTrees(0).setInteractions(0)
                .setModelVersion(3).fit(rows);
        withTrees = new ChurnTrainer().setLabelCol("churn").setPositiveLabel("Yes").setTrees(15).setInteractions(2)
                .setModelVersion(4).fit(rows);
    }

    private static List<Map<String, Object>> probes() {
        List<Map<String, Object>> probes = new ArrayList<>();
        probes.add(Map.of("tenure", 2.0, "contract", "Month-to-month", "service_calls", "5", "region", "north"));
        probes.add(Map.of("tenure", "60", "contract", "Two year", "service_calls", 0.0, "region", "east"));
        probes.add(Map.of("contract", "Three year", "region", "mars"));
        probes.add(Map.of());
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("tenure", null);
        nulls.put("contract", null);
        probes.add(nulls);
        return probes;
    }

    @Test
    void learnsTheRuleAndIgnoresTheIdColumn() {
        for (ChurnModel model : List.of(linear, withTrees)) {
            assertThat(model.inputFeatures()).containsExactly("tenure (numeric)", "contract (categorical)",
                    "service_calls (numeric)", "region (categorical)");
            assertThat(model.metadata().ignoredColumns).containsKey("customer_id");
            double risky = model.predict(probes().get(0)).risk();
            double safe = model.predict(probes().get(1)).risk();
            assertThat(risky).isGreaterThan(0.7);
            assertThat(safe).isLessThan(0.1);
        }
    }

    @Test
    void missingAndUnseenValuesScoreWithoutErrors() {
        for (Map<String, Object> probe : probes().subList(2, 5)) {
            ChurnPrediction p = withTrees.predict(probe);
            assertThat(p.risk()).isBetween(0.0, 1.0);
        }
        assertThat(linear.predict(Map.of("tenure", "not a number")).risk())
                .isEqualTo(linear.predict(Map.of()).risk());
    }

    @Test
    void reasonCodesNameTheFeatureThatRaisedTheRisk() {
        // an average customer but for many service calls: service_calls must lead the reasons
        Map<String, Object> customer = Map.of("tenure", 36.0, "contract", "One year", "service_calls", 7.0, "region", "west");
        for (ChurnModel model : List.of(linear, withTrees)) {
            ChurnPrediction p = model.predict(customer);
            assertThat(p.reasons()).isNotEmpty();
            assertThat(p.reasons().get(0).feature()).isEqualTo("service_calls");
            assertThat(p.reasons().get(0).code()).isEqualTo("service_calls=7.0");
            assertThat(p.reasons()).extracting(ChurnPrediction.Reason::contribution).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                    .allMatch(c -> c > 0);
        }
        ChurnPrediction p = linear.predict(probes().get(0));
        assertThat(p.reasons()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(p.reasons()).extracting(ChurnPrediction.Reason::code)
                .contains("contract=Month-to-month", "tenure=2.0", "service_calls=5.0");
    }

    @Test
    void contributionsAddUpToTheLogOddsAgainstTheAverageCustomer() {
        for (ChurnModel model : List.of(linear, withTrees)) {
            double[] w = model.coefficients();
            double[] means = model.slotMeans();
            double average = 0;
            for (int j = 0; j < w.length; j++) {
                average += w[j] * means[j];
            }
            Map<String, Object> customer = probes().get(0);
            double risk = model.risk(customer);
            double sum = java.util.Arrays.stream(model.contributions(customer)).sum();
            assertThat(Math.log(risk / (1 - risk)) - average).isCloseTo(sum, within(1e-9));
        }
    }

    @Test
    void snapshotLoadsWithIdenticalPredictionsAndFlinkMlReadsTheRegression(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("churn");
        withTrees.save(snapshot);
        assertThat(snapshot.resolve(ChurnSnapshot.STAGE_METADATA)).exists();
        assertThat(snapshot.resolve(ChurnSnapshot.MODEL_DATA)).exists();
        String json = Files.readString(snapshot.resolve(ChurnSnapshot.VIGIL_MODEL), StandardCharsets.UTF_8);
        assertThat(json).contains("\"tree-leaves\"", "\"one-hot\"", "\"version\" : 4").doesNotContain("\"coefficients\"");

        ChurnModel loaded = ChurnModel.load(snapshot);
        LogisticRegressionModelServable servable = LogisticRegressionModelServable.load(snapshot.toString());
        assertThat(loaded.id()).isEqualTo("churn-v4");
        assertThat(loaded.coefficients()).containsExactly(withTrees.coefficients());
        for (Map<String, Object> probe : probes()) {
            assertThat(loaded.predict(probe)).isEqualTo(withTrees.predict(probe));
            assertThat(servableRisk(servable, withTrees.vectorize(probe))).isCloseTo(withTrees.risk(probe), within(1e-12));
        }
    }

    @Test
    void jsonRoundTripKeepsEverythingAndFitsAControlMessage() {
        String json = withTrees.toJson();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(900 * 1024);
        ChurnModel back = ChurnModel.fromJson(json);
        assertThat(back.version()).isEqualTo(4);
        assertThat(back.inputFeatures()).isEqualTo(withTrees.inputFeatures());
        assertThat(back.toJson()).isEqualTo(json);
        for (Map<String, Object> probe : probes()) {
            assertThat(back.predict(probe)).isEqualTo(withTrees.predict(probe));
        }
        assertThatThrownBy(() -> ChurnModel.fromJson("{\"metadata\":{}}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void javaSerializationKeepsPredictions() throws Exception {
        ChurnModel copy = InstantiationUtil.clone(withTrees);
        assertThat(copy.predict(probes().get(0))).isEqualTo(withTrees.predict(probes().get(0)));
    }

    @Test
    void withCoefficientsChangesPredictionsAndVersionOnly() {
        double[] w = linear.coefficients();
        w[w.length - 1] += 1.0; // intercept
        ChurnModel updated = linear.withCoefficients(w, 9);
        assertThat(updated.version()).isEqualTo(9);
        assertThat(updated.id()).isEqualTo("churn-v9");
        assertThat(linear.version()).isEqualTo(3);
        Map<String, Object> probe = probes().get(1);
        assertThat(updated.vectorize(probe)).containsExactly(linear.vectorize(probe));
        double before = linear.risk(probe);
        double after = updated.risk(probe);
        assertThat(Math.log(after / (1 - after)) - Math.log(before / (1 - before))).isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> linear.withCoefficients(new double[3], 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vectorEndsWithTheInterceptSlotAndMatchesTheCoefficients() {
        double[] x = withTrees.vectorize(probes().get(0));
        assertThat(x).hasSize(withTrees.coefficients().length);
        assertThat(x[x.length - 1]).isEqualTo(1.0);
        assertThat(withTrees.metadata().dimensions).isEqualTo(x.length);
    }

    @Test
    void aTelcoModelLoadsFromTheClasspathWithItsCrossValidation() {
        ChurnModel shipped = ChurnModel.fromClasspath("vigil/models/churn-telco");
        assertThat(shipped.inputFeatures()).contains("tenure (numeric)", "contract (categorical)");
        assertThat(shipped.metadata().crossValidation.mean().rocAuc()).isGreaterThan(0.85);
        ChurnPrediction risky = shipped.predict(Map.of("tenure", 1.0, "contract", "Month-to-month",
                "internet_service", "Fiber optic", "monthly_charges", "95.5"));
        ChurnPrediction safe = shipped.predict(Map.of("tenure", 70.0, "contract", "Two year", "internet_service", "No"));
        assertThat(risky.risk()).isGreaterThan(0.5).isGreaterThan(safe.risk() + 0.3);
        assertThat(risky.reasons()).extracting(ChurnPrediction.Reason::feature).contains("contract", "tenure");
    }

    private static double servableRisk(LogisticRegressionModelServable servable, double[] x) {
        List<Row> rows = new ArrayList<>(List.of(new Row(new ArrayList<>(List.of(new DenseVector(x))))));
        DataFrame out = servable.transform(new DataFrame(new ArrayList<>(List.of("features")),
                new ArrayList<>(List.of(DataTypes.VECTOR(BasicType.DOUBLE))), rows));
        return ((DenseVector) out.collect().get(0).get(out.getIndex("rawPrediction"))).get(1);
    }

    @Test
    void theShippedEngineModelReadsTheDefaultFeatureSpec() {
        ChurnModel shipped = ChurnModel.fromClasspath(ChurnModel.DEFAULT_MODEL);
        List<String> names = shipped.features().stream().map(InputFeature::name).toList();
        List<String> spec = FeatureSpec.loadDefault().features().stream().map(FeatureSpec.Feature::name).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(spec);
        ChurnPrediction angry = shipped.predict(Map.of("contract", "monthly", "negative.30d", 6.0,
                "complaints.billing", 4.0, "cancelPages.30d", 2.0, "repeatContacts", 3.0));
        ChurnPrediction calm = shipped.predict(Map.of("contract", "two-year", "negative.30d", 0.0));
        assertThat(angry.risk()).isBetween(0.0, 1.0).isGreaterThan(calm.risk());
        assertThat(angry.reasons()).isNotEmpty();
    }
}
