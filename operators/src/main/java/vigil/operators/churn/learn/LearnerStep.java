package vigil.operators.churn.learn;

import vigil.schemas.Evaluation;
import vigil.schemas.LearnerState;

import java.util.ArrayList;
import java.util.List;

/** A mutable working copy of {@link LearnerState} for one step, with plain arrays for the arithmetic. */
final class LearnerStep {
    long version;
    long nextVersion;
    final double[] z;
    final double[] n;
    long learned;
    double[] candidate;
    final List<Evaluation> evaluations;

    LearnerStep(LearnerState state) {
        version = state.getVersion();
        nextVersion = state.getNextVersion();
        z = toArray(state.getZ());
        n = toArray(state.getN());
        learned = state.getLearned();
        candidate = state.getCandidate() == null ? null : toArray(state.getCandidate());
        evaluations = new ArrayList<>(state.getEvaluations());
    }

    private LearnerStep(int dimension, long version) {
        this.version = version;
        this.nextVersion = version + 1;
        this.z = new double[dimension];
        this.n = new double[dimension];
        this.evaluations = new ArrayList<>();
    }

    static LearnerStep fresh(int dimension, long version) {
        return new LearnerStep(dimension, version);
    }

    LearnerState toState() {
        return LearnerState.newBuilder().setVersion(version).setNextVersion(nextVersion).setZ(toList(z))
                .setN(toList(n)).setLearned(learned).setCandidate(candidate == null ? null : toList(candidate))
                .setEvaluations(new ArrayList<>(evaluations)).build();
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
