package vigil.operators.churn.learn;

/** The logistic regression's probability for a vectorized example. */
final class Logistic {
    private Logistic() {}

    static double probability(double[] coefficients, double[] x) {
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += coefficients[i] * x[i];
        }
        return 1 / (1 + Math.exp(-dot));
    }
}
