package vigil.operators.churn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a small gradient-boosted tree ensemble on the logistic loss (Newton steps: leaf value
 * −ΣG / (ΣH + λ), shrunk by the learning rate). Candidate numeric splits are the training quantiles
 * ({@code bins} of them), categorical splits are "one category vs the rest" for categories with at
 * least {@code minLeafRows} rows; missing values always go right. Deterministic: no sampling.
 */
public final class GradientBoosting {
    private final int trees;
    private final int depth;
    private final double learningRate;
    private final int minLeafRows;
    private final double lambda;
    private final int bins;

    public GradientBoosting(int trees, int depth, double learningRate, int minLeafRows, double lambda, int bins) {
        this.trees = trees;
        this.depth = depth;
        this.learningRate = learningRate;
        this.minLeafRows = minLeafRows;
        this.lambda = lambda;
        this.bins = bins;
    }

    public TreeLeafEncoding fit(TrainingSet data) {
        int n = data.rows();
        int features = data.features().size();
        int[][] codes = new int[features][];
        int[] codeCount = new int[features];
        double[][] thresholds = new double[features][];
        String[][] categories = new String[features][];
        for (int f = 0; f < features; f++) {
            codes[f] = new int[n];
            if (data.isNumeric(f)) {
                double[] x = data.numbers(f);
                thresholds[f] = QuantileBinning.edges(x, bins);
                for (int i = 0; i < n; i++) {
                    codes[f][i] = Double.isNaN(x[i]) ? thresholds[f].length + 1 : QuantileBinning.bin(thresholds[f], x[i]);
                }
                codeCount[f] = thresholds[f].length + 2;
            } else {
                categories[f] = CategoryCounts.frequent(data.categories(f), minLeafRows, 64);
                List<String> known = Arrays.asList(categories[f]);
                String[] c = data.categories(f);
                for (int i = 0; i < n; i++) {
                    int k = c[i] == null ? -1 : known.indexOf(c[i]);
                    codes[f][i] = k < 0 ? categories[f].length : k;
                }
                codeCount[f] = categories[f].length + 1;
            }
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += data.positive(i) ? 1 : 0;
        }
        double base = Math.log((positives + 1.0) / (n - positives + 1.0));
        double[] score = new double[n];
        Arrays.fill(score, base);
        double[] g = new double[n];
        double[] h = new double[n];
        RegressionTree[] fitted = new RegressionTree[trees];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-score[i]));
                g[i] = p - (data.positive(i) ? 1 : 0);
                h[i] = Math.max(p * (1 - p), 1e-6);
            }
            Grower grower = new Grower(codes, codeCount, thresholds, categories, g, h, score);
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            grower.grow(all, 0);
            fitted[t] = new RegressionTree(grower.nodes);
        }
        return new TreeLeafEncoding(base, fitted);
    }

    /** Grows one tree, adding each leaf's value to the scores of its rows. */
    private final class Grower {
        final int[][] codes;
        final int[] codeCount;
        final double[][] thresholds;
        final String[][] categories;
        final double[] g;
        final double[] h;
        final double[] score;
        final List<RegressionTree.Node> nodes = new ArrayList<>();

        Grower(int[][] codes, int[] codeCount, double[][] thresholds, String[][] categories,
               double[] g, double[] h, double[] score) {
            this.codes = codes;
            this.codeCount = codeCount;
            this.thresholds = thresholds;
            this.categories = categories;
            this.g = g;
            this.h = h;
            this.score = score;
        }

        int grow(int[] rows, int level) {
            RegressionTree.Node node = new RegressionTree.Node();
            int id = nodes.size();
            nodes.add(node);
            double sg = 0, sh = 0;
            for (int i : rows) {
                sg += g[i];
                sh += h[i];
            }
            Split best = level < depth && rows.length >= 2 * minLeafRows ? bestSplit(rows, sg, sh) : null;
            if (best == null) {
                node.value = -sg / (sh + lambda) * learningRate;
                for (int i : rows) {
                    score[i] += node.value;
                }
                return id;
            }
            node.feature = best.feature;
            node.gain = best.gain;
            if (categories[best.feature] != null) {
                node.category = categories[best.feature][best.code];
            } else {
                double[] t = thresholds[best.feature];
                // the last candidate sends every known value left and only missing ones right
                node.threshold = best.code < t.length ? t[best.code] : Double.MAX_VALUE;
            }
            int[] code = codes[best.feature];
            int[] leftRows = Arrays.stream(rows).filter(i -> best.goesLeft(code[i])).toArray();
            int[] rightRows = Arrays.stream(rows).filter(i -> !best.goesLeft(code[i])).toArray();
            node.left = grow(leftRows, level + 1);
            node.right = grow(rightRows, level + 1);
            return id;
        }

        Split bestSplit(int[] rows, double sg, double sh) {
            Split best = null;
            double parent = sg * sg / (sh + lambda);
            for (int f = 0; f < codes.length; f++) {
                int m = codeCount[f];
                double[] hg = new double[m];
                double[] hh = new double[m];
                int[] hn = new int[m];
                int[] code = codes[f];
                for (int i : rows) {
                    hg[code[i]] += g[i];
                    hh[code[i]] += h[i];
                    hn[code[i]]++;
                }
                boolean numeric = categories[f] == null;
                double lg = 0, lh = 0;
                int ln = 0;
                for (int c = 0; c < m - 1; c++) {
                    if (numeric) {
                        // left = codes 0..c, i.e. x < thresholds[c]; the last code (missing) never goes left
                        lg += hg[c];
                        lh += hh[c];
                        ln += hn[c];
                    } else {
                        lg = hg[c];
                        lh = hh[c];
                        ln = hn[c];
                    }
                    int rn = rows.length - ln;
                    if (ln < minLeafRows || rn < minLeafRows) {
                        continue;
                    }
                    double rg = sg - lg, rh = sh - lh;
                    double gain = lg * lg / (lh + lambda) + rg * rg / (rh + lambda) - parent;
                    if (gain > 1e-9 && (best == null || gain > best.gain)) {
                        best = new Split(f, c, gain, numeric);
                    }
                }
            }
            return best;
        }
    }

    private record Split(int feature, int code, double gain, boolean numeric) {
        boolean goesLeft(int rowCode) {
            return numeric ? rowCode <= code : rowCode == code;
        }
    }
}
