package vigil.operators.churn;

import java.util.Map;

/**
 * A churn model whose last stage is a logistic regression over a fixed feature vector, so an
 * online learner can keep updating its coefficients: the fitted transformers stay, the weights move.
 * The vector's last slot is the constant 1.0 (the intercept), as Flink ML's logistic servable needs.
 */
public interface OnlineLinearModel extends ChurnPredictor {
    /** The transformed feature vector of a customer (dense, length {@link #coefficients()}.length). */
    double[] vectorize(Map<String, ?> features);

    /** A copy of the logistic regression coefficients (Flink ML LogisticRegressionModelData). */
    double[] coefficients();

    /** The same transformers with new coefficients and a new version. */
    OnlineLinearModel withCoefficients(double[] coefficients, long version);

    /** The whole model as one JSON document, small enough for a cx.control message (under 900 KB). */
    String toJson();
}
