package vigil.operators.churn;

import java.io.Serializable;
import java.util.List;

/**
 * Churn risk in [0, 1] and the reasons: the input features that raised it most, largest first.
 *
 * @param risk probability of churn
 * @param reasons at most a handful of reasons, each naming one input feature
 */
public record ChurnPrediction(double risk, List<Reason> reasons) implements Serializable {
    /**
     * One reason code.
     *
     * @param feature the input feature's name, e.g. {@code contract} or {@code negatives7d}
     * @param value the customer's value, as text ({@code Month-to-month}, {@code 4.0}, {@code missing})
     * @param contribution how much this feature moved the log-odds of churn against the average customer
     */
    public record Reason(String feature, String value, double contribution) implements Serializable {
        /** The reason code published in cx.scores, e.g. {@code contract=Month-to-month}. */
        public String code() {
            return feature + "=" + value;
        }
    }
}
