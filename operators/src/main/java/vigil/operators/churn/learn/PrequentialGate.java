package vigil.operators.churn.learn;

import vigil.operators.sentiment.RocAuc;
import vigil.schemas.Evaluation;

import java.util.List;

/**
 * Decides whether a candidate replaces the current model. Each example is scored by both before
 * either learns from it (prequential evaluation), so the comparison is on data neither has seen.
 * Over the last W such examples the candidate's ROC-AUC may be below the current model's by at most
 * the margin. Until W examples with both labels have been scored, there is no decision.
 */
final class PrequentialGate {
    enum Decision { UNDECIDED, ACCEPT, REJECT }

    private final LearnerSettings settings;
    private double currentAuc = Double.NaN;
    private double candidateAuc = Double.NaN;

    PrequentialGate(LearnerSettings settings) {
        this.settings = settings;
    }

    /** Adds an evaluation, keeping the last W. */
    void record(List<Evaluation> window, Evaluation evaluation) {
        window.add(evaluation);
        while (window.size() > settings.window()) {
            window.remove(0);
        }
    }

    Decision decide(List<Evaluation> window) {
        if (window.size() < settings.window()) {
            return Decision.UNDECIDED;
        }
        boolean[] labels = new boolean[window.size()];
        double[] current = new double[window.size()];
        double[] candidate = new double[window.size()];
        for (int i = 0; i < window.size(); i++) {
            labels[i] = window.get(i).getLabel();
            current[i] = window.get(i).getCurrent();
            candidate[i] = window.get(i).getCandidate();
        }
        double cur = RocAuc.of(labels, current);
        double cand = RocAuc.of(labels, candidate);
        if (Double.isNaN(cur) || Double.isNaN(cand)) {
            return Decision.UNDECIDED;
        }
        currentAuc = cur;
        candidateAuc = cand;
        return cand >= cur - settings.margin() ? Decision.ACCEPT : Decision.REJECT;
    }

    /** The current model's AUC at the last decision. */
    double currentAuc() {
        return currentAuc;
    }

    double candidateAuc() {
        return candidateAuc;
    }
}
