package vigil.jobs.generator;

import java.util.Random;

/** Weighted random choice over small arrays of weights. */
final class Weighted {
    private Weighted() {}

    static int pick(double[] weights, Random rnd) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        // Rounding can leave r at 0 after the loop: fall back to the last positive weight.
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    /** True with probability p. */
    static boolean chance(double p, Random rnd) {
        return rnd.nextDouble() < p;
    }
}
