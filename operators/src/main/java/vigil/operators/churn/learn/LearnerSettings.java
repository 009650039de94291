package vigil.operators.churn.learn;

import java.io.Serializable;

/**
 * The online churn learner's settings.
 *
 * @param candidateEvery K: a candidate model is formed every K examples learned (while none is under evaluation)
 * @param window W: a candidate is judged on the rolling ROC-AUC of the last W examples it was scored on
 * @param margin the candidate is promoted unless its AUC is below the current model's by more than this
 * @param alpha FTRL-Proximal learning rate
 * @param beta FTRL-Proximal smoothing of the per-coordinate learning rate
 * @param l1 L1 regularization (not applied to the intercept)
 * @param l2 L2 regularization (not applied to the intercept)
 */
public record LearnerSettings(int candidateEvery, int window, double margin, double alpha, double beta,
                              double l1, double l2) implements Serializable {
    public LearnerSettings {
        if (candidateEvery < 1 || window < 2 || margin < 0 || alpha <= 0 || beta < 0 || l1 < 0 || l2 < 0) {
            throw new IllegalArgumentException("learner settings out of range: candidateEvery >= 1, window >= 2, "
                    + "margin >= 0, alpha > 0, beta, l1 and l2 >= 0");
        }
    }
}
