package vigil.operators.churn.train;

import vigil.operators.churn.FeatureRow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fitted regression tree of a boosted ensemble, as flat node arrays (node 0 is the root). A
 * numeric split sends x &lt; threshold left; a categorical split sends the one category left; a
 * missing value, or a category the split does not name, goes right, in training as in scoring.
 */
public final class RegressionTree implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Input feature split on, −1 at a leaf. */
    public int[] feature;
    public double[] threshold;
    /** Category sent left by a categorical split, null for numeric splits and leaves. */
    public String[] category;
    public int[] left;
    public int[] right;
    /** Leaf number (0 .. leaves−1) of a leaf node, −1 for a split. */
    public int[] leaf;
    /** Leaf value added to the ensemble's log-odds (learning rate included); 0 at a split. */
    public double[] value;
    /** Loss reduction of each split, 0 at a leaf: what ranks interactions. */
    public double[] gain;

    public RegressionTree() {}

    RegressionTree(List<Node> nodes) {
        int n = nodes.size();
        feature = new int[n];
        threshold = new double[n];
        category = new String[n];
        left = new int[n];
        right = new int[n];
        leaf = new int[n];
        value = new double[n];
        gain = new double[n];
        int leaves = 0;
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            feature[i] = node.feature;
            threshold[i] = node.threshold;
            category[i] = node.category;
            left[i] = node.left;
            right[i] = node.right;
            leaf[i] = node.feature < 0 ? leaves++ : -1;
            value[i] = node.value;
            gain[i] = node.gain;
        }
    }

    /** A node while the tree grows. */
    static final class Node {
        int feature = -1;
        double threshold;
        String category;
        int left = -1;
        int right = -1;
        double value;
        double gain;
    }

    /** Leaf count, computed on first use (scoring asks for it on every row); 0 until then. */
    private transient int leafCount;

    public int leaves() {
        int count = leafCount;
        if (count == 0) {
            for (int l : leaf) {
                count += l >= 0 ? 1 : 0;
            }
            leafCount = count;
        }
        return count;
    }

    /** The node a row ends in. */
    public int leafNode(FeatureRow row) {
        int node = 0;
        while (feature[node] >= 0) {
            node = goesLeft(node, row) ? left[node] : right[node];
        }
        return node;
    }

    /** The leaf number (0 .. leaves−1) a row ends in. */
    public int leafOf(FeatureRow row) {
        return leaf[leafNode(row)];
    }

    private boolean goesLeft(int node, FeatureRow row) {
        int f = feature[node];
        if (category[node] != null) {
            return category[node].equals(row.category(f));
        }
        return row.number(f) < threshold[node];
    }

    /** For each leaf number, the distinct input features split on along the way to it, root first. */
    public int[][] leafPaths() {
        return pathContributions(new double[leaves()], new double[leaves()]).paths();
    }

    /**
     * A leaf's effect split along its path (Saabas' decomposition, with the final regression's
     * weights): each node's value is the training-weighted mean of the leaf coefficients below it,
     * and each split's feature gets the change from the node to the child taken. Per leaf these sum to
     * coefficient(leaf) − Σ coefficient·training share over all leaves, i.e. the tree block's
     * contribution against the average customer; a split that lowers the risk gives its feature a
     * negative part.
     *
     * @param coefficients the regression coefficient of each leaf slot
     * @param shares the training fraction of rows in each leaf (the leaf slots' means)
     */
    public PathContributions pathContributions(double[] coefficients, double[] shares) {
        double[] value = new double[feature.length];
        double[] weight = new double[feature.length];
        nodeValue(0, coefficients, shares, value, weight);
        int[][] paths = new int[coefficients.length][];
        double[][] parts = new double[coefficients.length][];
        walk(0, new LinkedHashMap<>(), value, paths, parts);
        return new PathContributions(paths, parts);
    }

    /** Per leaf, the features on its path and each one's part of the leaf's effect. */
    public record PathContributions(int[][] paths, double[][] parts) {
    }

    private void nodeValue(int node, double[] coefficients, double[] shares, double[] value, double[] weight) {
        if (feature[node] < 0) {
            value[node] = coefficients[leaf[node]];
            weight[node] = shares[leaf[node]];
            return;
        }
        nodeValue(left[node], coefficients, shares, value, weight);
        nodeValue(right[node], coefficients, shares, value, weight);
        double wl = weight[left[node]], wr = weight[right[node]];
        weight[node] = wl + wr;
        value[node] = wl + wr > 0 ? (wl * value[left[node]] + wr * value[right[node]]) / (wl + wr)
                : (value[left[node]] + value[right[node]]) / 2;
    }

    private void walk(int node, Map<Integer, Double> path, double[] value, int[][] paths, double[][] parts) {
        if (feature[node] < 0) {
            int l = leaf[node];
            paths[l] = path.keySet().stream().mapToInt(Integer::intValue).toArray();
            parts[l] = path.values().stream().mapToDouble(Double::doubleValue).toArray();
            return;
        }
        for (int child : new int[] {left[node], right[node]}) {
            Map<Integer, Double> next = new LinkedHashMap<>(path);
            next.merge(feature[node], value[child] - value[node], Double::sum);
            walk(child, next, value, paths, parts);
        }
    }

    /** A readable description of a leaf's path, e.g. {@code total_day_minutes<264.4 & international_plan!=yes}. */
    public String describeLeaf(int leafNumber, List<vigil.operators.churn.InputFeature> inputs) {
        List<String> conditions = new ArrayList<>();
        return describe(0, leafNumber, inputs, conditions) ? String.join(" & ", conditions) : "";
    }

    private boolean describe(int node, int target, List<vigil.operators.churn.InputFeature> inputs, List<String> conditions) {
        if (feature[node] < 0) {
            return leaf[node] == target;
        }
        String name = inputs.get(feature[node]).name();
        String yes = category[node] != null ? name + "=" + category[node] : name + "<" + (float) threshold[node];
        String no = category[node] != null ? name + "!=" + category[node] : name + ">=" + (float) threshold[node] + "|missing";
        conditions.add(yes);
        if (describe(left[node], target, inputs, conditions)) {
            return true;
        }
        conditions.set(conditions.size() - 1, no);
        if (describe(right[node], target, inputs, conditions)) {
            return true;
        }
        conditions.remove(conditions.size() - 1);
        return false;
    }
}
