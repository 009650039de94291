package vigil.operators.churn.learn;

/**
 * FTRL-Proximal for logistic regression (McMahan et al., "Ad Click Prediction", 2013), the update
 * Flink ML's OnlineLogisticRegression uses: per coordinate, a running sum z of adjusted gradients and
 * n of squared gradients; the weights follow from them in closed form. Works on the caller's arrays
 * (they are the learner's checkpointed state). The last coordinate is the intercept, not regularized.
 */
final class Ftrl {
    private final LearnerSettings settings;

    Ftrl(LearnerSettings settings) {
        this.settings = settings;
    }

    /** Sets z and n so that the weights equal {@code coefficients}, with a fresh learning rate. */
    void warmStart(double[] coefficients, double[] z, double[] n) {
        for (int i = 0; i < coefficients.length; i++) {
            double w = coefficients[i];
            n[i] = 0;
            z[i] = -(w * (settings.beta() / settings.alpha() + l2(i, z.length)) + Math.signum(w) * l1(i, z.length));
        }
    }

    double[] weights(double[] z, double[] n) {
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = weight(i, z, n);
        }
        return w;
    }

    /** One step on example {@code x} with label {@code y} (0 or 1). */
    void update(double[] x, int y, double[] z, double[] n) {
        double[] w = weights(z, n);
        double p = Logistic.probability(w, x);
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            double g = (p - y) * x[i];
            double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / settings.alpha();
            z[i] += g - sigma * w[i];
            n[i] += g * g;
        }
    }

    private double weight(int i, double[] z, double[] n) {
        double l1 = l1(i, z.length);
        if (Math.abs(z[i]) <= l1) {
            return 0;
        }
        return -(z[i] - Math.signum(z[i]) * l1) / ((settings.beta() + Math.sqrt(n[i])) / settings.alpha() + l2(i, z.length));
    }

    private double l1(int i, int length) {
        return i == length - 1 ? 0 : settings.l1();
    }

    private double l2(int i, int length) {
        return i == length - 1 ? 0 : settings.l2();
    }
}
