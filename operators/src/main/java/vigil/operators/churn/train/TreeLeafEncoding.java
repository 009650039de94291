package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;
import vigil.operators.churn.InputFeature;

import java.util.Arrays;
import java.util.List;

/**
 * The leaves of a boosted tree ensemble as one-hot slots (one block per tree, one slot per leaf):
 * the final logistic regression weighs them, so it gets the trees' interactions (day minutes high
 * and no international plan, four or more service calls) while staying linear over a fixed vector.
 * A leaf slot derives from the distinct features split on along its path; reason codes split a
 * tree's effect along the path taken ({@link #pathContributions}).
 */
public final class TreeLeafEncoding implements VectorStage {
    private static final long serialVersionUID = 1L;

    /** The ensemble's starting log-odds (training prior). */
    public double base;
    public RegressionTree[] trees;

    public TreeLeafEncoding() {}

    public TreeLeafEncoding(double base, RegressionTree[] trees) {
        this.base = base;
        this.trees = trees;
    }

    /** The ensemble's own log-odds of churn for a row (not used by the model's risk, which the final regression gives). */
    public double logOdds(FeatureRow row) {
        double sum = base;
        for (RegressionTree tree : trees) {
            sum += tree.value[tree.leafNode(row)];
        }
        return sum;
    }

    @Override
    public int width() {
        int width = 0;
        for (RegressionTree tree : trees) {
            width += tree.leaves();
        }
        return width;
    }

    @Override
    public void encode(FeatureRow row, double[] out, int offset) {
        int start = offset;
        for (RegressionTree tree : trees) {
            int leaves = tree.leaves();
            Arrays.fill(out, start, start + leaves, 0);
            out[start + tree.leafOf(row)] = 1;
            start += leaves;
        }
    }

    @Override
    public int[][] slotSources() {
        int[][] sources = new int[width()][];
        int s = 0;
        for (RegressionTree tree : trees) {
            for (int[] path : tree.leafPaths()) {
                sources[s++] = path;
            }
        }
        return sources;
    }

    /**
     * For each leaf slot, aligned with {@link #slotSources}, what each path feature gets when that
     * leaf is reached (see {@link RegressionTree#pathContributions}).
     *
     * @param coefficients the regression coefficients of this stage's slots
     * @param means the training means of this stage's slots
     */
    public double[][] pathContributions(double[] coefficients, double[] means) {
        double[][] parts = new double[width()][];
        int s = 0;
        for (RegressionTree tree : trees) {
            int leaves = tree.leaves();
            double[][] treeParts = tree.pathContributions(Arrays.copyOfRange(coefficients, s, s + leaves),
                    Arrays.copyOfRange(means, s, s + leaves)).parts();
            System.arraycopy(treeParts, 0, parts, s, leaves);
            s += leaves;
        }
        return parts;
    }

    @Override
    public String[] slotNames(List<InputFeature> inputs) {
        String[] names = new String[width()];
        int s = 0;
        for (int t = 0; t < trees.length; t++) {
            for (int l = 0; l < trees[t].leaves(); l++) {
                names[s++] = "tree " + t + " leaf " + l + ": " + trees[t].describeLeaf(l, inputs);
            }
        }
        return names;
    }
}
