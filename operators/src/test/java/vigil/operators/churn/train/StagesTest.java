package vigil.operators.churn.train;

import org.junit.jupiter.api.Test;
import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.InputFeature.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each fitted stage on small hand-made columns. */
class StagesTest {
    private static final List<InputFeature> FEATURES = List.of(
            new InputFeature("x", Kind.NUMERIC), new InputFeature("plan", Kind.CATEGORICAL));

    private static TrainingSet data(String[][] cells, boolean... positive) {
        return TrainingSet.parse(FEATURES, List.of(cells), positive);
    }

    private static double[] encode(VectorStage stage, Object x, Object plan) {
        java.util.HashMap<String, Object> values = new java.util.HashMap<>();
        values.put("x", x);
        values.put("plan", plan);
        double[] out = new double[stage.width()];
        java.util.Arrays.fill(out, -7); // every slot must be written
        stage.encode(FeatureRow.of(FEATURES, values), out, 0);
        return out;
    }

    @Test
    void oneHotKeepsFrequentCategoriesAndSendsUnseenRareAndMissingToOther() {
        TrainingSet data = data(new String[][] {{"1", "basic"}, {"2", "basic"}, {"3", "premium"}, {"4", "premium"},
                {"5", "basic"}, {"6", "gold"}, {"7", null}}, true, false, true, false, true, false, true);
        OneHotEncoding stage = OneHotEncoding.fit(data, 2);
        assertThat(stage.categories[0]).containsExactly("basic", "premium");
        assertThat(stage.width()).isEqualTo(3);
        assertThat(stage.slotNames(FEATURES)).containsExactly("plan=basic", "plan=premium", "plan=other/missing");
        assertThat(encode(stage, 1.0, "premium")).containsExactly(0, 1, 0);
        assertThat(encode(stage, 1.0, "platinum")).containsExactly(0, 0, 1);
        assertThat(encode(stage, 1.0, "gold")).containsExactly(0, 0, 1);
        assertThat(encode(stage, 1.0, null)).containsExactly(0, 0, 1);
        assertThat(java.util.Arrays.asList(stage.slotSources())).allMatch(s -> s.length == 1 && s[0] == 1);
    }

    @Test
    void scalerStandardizesAndImputesTheMeanWithAMissingIndicator() {
        TrainingSet data = data(new String[][] {{"2", "a"}, {"4", "a"}, {"6", "b"}, {"", "b"}}, true, false, true, false);
        StandardScaling stage = StandardScaling.fit(data);
        assertThat(stage.mean[0]).isEqualTo(4.0);
        assertThat(stage.std[0]).isCloseTo(Math.sqrt(8 / 3.0), within(1e-12));
        assertThat(encode(stage, 6.0, "a")[0]).isCloseTo(2 / Math.sqrt(8 / 3.0), within(1e-12));
        assertThat(encode(stage, "4", "a")).containsExactly(0, 0);
        assertThat(encode(stage, null, "a")).containsExactly(0, 1);
        assertThat(encode(stage, "n/a", "a")).containsExactly(0, 1);
    }

    @Test
    void quantileEdgesSplitTheRangeAndCollapseOnABinaryColumn() {
        double[] oneToHundred = java.util.stream.IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        assertThat(QuantileBinning.edges(oneToHundred, 4)).containsExactly(26, 51, 76);
        assertThat(QuantileBinning.edges(new double[] {0, 0, 0, 1, 1, Double.NaN}, 10)).containsExactly(1);
        assertThat(QuantileBinning.bin(new double[] {26, 51, 76}, 25.9)).isEqualTo(0);
        assertThat(QuantileBinning.bin(new double[] {26, 51, 76}, 26)).isEqualTo(1);
        assertThat(QuantileBinning.bin(new double[] {26, 51, 76}, 1000)).isEqualTo(3);

        QuantileBinning stage = new QuantileBinning(new int[] {0}, new double[][] {{10, 20}});
        assertThat(stage.width()).isEqualTo(4);
        assertThat(encode(stage, 5.0, "a")).containsExactly(1, 0, 0, 0);
        assertThat(encode(stage, 20.0, "a")).containsExactly(0, 0, 1, 0);
        assertThat(encode(stage, null, "a")).containsExactly(0, 0, 0, 1);
    }

    @Test
    void boostedTreesSplitATinySeparableSetAtItsBoundary() {
        List<String[]> cells = new ArrayList<>();
        boolean[] positive = new boolean[40];
        for (int i = 0; i < 40; i++) {
            cells.add(new String[] {Integer.toString(i), i % 2 == 0 ? "a" : "b"});
            positive[i] = i >= 25;
        }
        TrainingSet data = TrainingSet.parse(FEATURES, cells, positive);
        TreeLeafEncoding ensemble = new GradientBoosting(5, 1, 0.5, 3, 1.0, 40).fit(data);
        RegressionTree first = ensemble.trees[0];
        assertThat(first.feature[0]).isEqualTo(0);
        assertThat(first.threshold[0]).isEqualTo(25.0);
        assertThat(first.leaves()).isEqualTo(2);
        for (int i = 0; i < 40; i++) {
            assertThat(ensemble.logOdds(data.row(i)) > 0).as("row %d", i).isEqualTo(positive[i]);
        }
        assertThat(encode(ensemble, 30.0, "a")).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        // missing numbers go right, with the high values
        assertThat(first.leafOf(FeatureRow.of(FEATURES, Map.of()))).isEqualTo(1);
        assertThat(java.util.Arrays.asList(ensemble.slotSources())).allMatch(s -> s.length == 1 && s[0] == 0);
    }

    @Test
    void treesSplitOnACategoryAndLeafPathsNameEveryFeatureOnTheWay() {
        List<String[]> cells = new ArrayList<>();
        boolean[] positive = new boolean[80];
        for (int i = 0; i < 80; i++) {
            boolean gold = i % 2 == 0;
            int x = i / 2;
            cells.add(new String[] {Integer.toString(x), gold ? "gold" : "basic"});
            positive[i] = gold && x >= 20;
        }
        TrainingSet data = TrainingSet.parse(FEATURES, cells, positive);
        TreeLeafEncoding ensemble = new GradientBoosting(3, 2, 0.5, 5, 1.0, 40).fit(data);
        for (int i = 0; i < 80; i++) {
            assertThat(ensemble.logOdds(data.row(i)) > 0).as("row %d", i).isEqualTo(positive[i]);
        }
        RegressionTree first = ensemble.trees[0];
        assertThat(java.util.Arrays.asList(first.leafPaths())).anyMatch(p -> p.length == 2);
        assertThat(PairwiseInteractions.choose(ensemble, 1)).singleElement().satisfies(p -> assertThat(p).containsExactly(0, 1));
    }

    @Test
    void interactionsMultiplyTheStandardizedNumberByEachCategoryIndicator() {
        TrainingSet data = data(new String[][] {{"0", "yes"}, {"10", "no"}, {"20", "yes"}, {"30", "no"}},
                true, false, true, false);
        PairwiseInteractions stage = PairwiseInteractions.fit(data, List.of(new int[] {0, 1}), 1);
        assertThat(stage.width()).isEqualTo(2);
        double z = (30 - 15) / Math.sqrt(125);
        double[] out = encode(stage, 30.0, "no");
        int noSlot = List.of(stage.pairs[0][1].categories).indexOf("no");
        assertThat(out[noSlot]).isCloseTo(z, within(1e-12));
        assertThat(out[1 - noSlot]).isEqualTo(0);
        assertThat(encode(stage, null, "no")).containsExactly(0, 0);
        assertThat(java.util.Arrays.asList(stage.slotSources())).allMatch(s -> s.length == 2);
    }
}
