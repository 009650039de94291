package vigil.jobs.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold assignment: each fold gets its share of each class; the same seed gives the same folds. */
public final class Folds {
    private Folds() {}

    /** The fold (0 .. k−1) of each row. */
    public static int[] assign(boolean[] positive, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        int[] fold = new int[positive.length];
        Random random = new Random(seed);
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < positive.length; i++) {
                if (positive[i] == cls) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % k;
            }
        }
        return fold;
    }
}
