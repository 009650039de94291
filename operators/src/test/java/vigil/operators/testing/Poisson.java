package vigil.operators.testing;

import java.util.Random;

/** Seeded Poisson draws for synthetic complaint traffic in tests (Knuth's method). */
public final class Poisson {
    private Poisson() {}

    public static int draw(double lambda, Random random) {
        double limit = Math.exp(-lambda);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
