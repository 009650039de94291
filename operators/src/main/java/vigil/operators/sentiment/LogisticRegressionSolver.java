package vigil.operators.sentiment;

import org.apache.flink.ml.linalg.SparseVector;

/**
 * Fits binary logistic regression by L-BFGS: minimizes the mean log loss plus (l2 / 2)·|w|², the
 * last coordinate (the intercept) left unpenalized. Runs in one JVM on the featurized rows: Flink
 * ML's iterative optimizers need flink-ml-iteration, which does not run on Flink 1.18, and a few
 * thousand sparse rows fit in memory many times over. Full-batch and deterministic.
 */
public final class LogisticRegressionSolver {
    private static final int MEMORY = 10;

    private final double l2;
    private final int maxIterations;
    private final double tolerance;
    private int iterations;

    public LogisticRegressionSolver(double l2, int maxIterations, double tolerance) {
        this.l2 = l2;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** The coefficients; {@code positive[i]} is row i's label. */
    public double[] solve(SparseVector[] rows, boolean[] positive, int dimensions) {
        double[] w = new double[dimensions];
        double[] g = new double[dimensions];
        double f = lossAndGradient(rows, positive, w, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        for (iterations = 0; iterations < maxIterations; iterations++) {
            double[] d = direction(g, s, y, rho, stored);
            double step = iterations == 0 ? 1 / Math.max(1e-12, Math.sqrt(dot(g, g))) : 1.0;
            double slope = dot(g, d);
            double[] wNext = new double[dimensions];
            double[] gNext = new double[dimensions];
            double fNext;
            while (true) {
                for (int j = 0; j < dimensions; j++) {
                    wNext[j] = w[j] + step * d[j];
                }
                fNext = lossAndGradient(rows, positive, wNext, gNext);
                if (fNext <= f + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double[] sk = new double[dimensions];
            double[] yk = new double[dimensions];
            for (int j = 0; j < dimensions; j++) {
                sk[j] = wNext[j] - w[j];
                yk[j] = gNext[j] - g[j];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                int slot = stored % MEMORY;
                s[slot] = sk;
                y[slot] = yk;
                rho[slot] = 1 / sy;
                stored++;
            }
            double improvement = f - fNext;
            w = wNext;
            g = gNext;
            f = fNext;
            if (Math.sqrt(dot(g, g)) < tolerance || improvement < tolerance * 1e-3 * Math.max(1, Math.abs(f))) {
                iterations++;
                break;
            }
        }
        return w;
    }

    /** Iterations the last {@link #solve} ran. */
    public int iterations() {
        return iterations;
    }

    /** The L-BFGS two-loop recursion: an approximate Newton direction from the last updates. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored) {
        double[] q = g.clone();
        int m = Math.min(stored, MEMORY);
        double[] alpha = new double[MEMORY];
        for (int k = stored - 1; k >= stored - m; k--) {
            int i = k % MEMORY;
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (m > 0) {
            int last = (stored - 1) % MEMORY;
            double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int k = stored - m; k < stored; k++) {
            int i = k % MEMORY;
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private double lossAndGradient(SparseVector[] rows, boolean[] positive, double[] w, double[] g) {
        int last = w.length - 1;
        double loss = 0;
        java.util.Arrays.fill(g, 0);
        for (int r = 0; r < rows.length; r++) {
            SparseVector x = rows[r];
            double margin = 0;
            for (int k = 0; k < x.indices.length; k++) {
                margin += w[x.indices[k]] * x.values[k];
            }
            double y = positive[r] ? 1 : -1;
            double z = y * margin;
            loss += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
            double coefficient = -y / (1 + Math.exp(z)) / rows.length;
            for (int k = 0; k < x.indices.length; k++) {
                g[x.indices[k]] += coefficient * x.values[k];
            }
        }
        loss /= rows.length;
        for (int j = 0; j < last; j++) {
            loss += 0.5 * l2 * w[j] * w[j];
            g[j] += l2 * w[j];
        }
        return loss;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
