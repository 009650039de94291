package vigil.operators.churn;

import java.io.Serializable;
import java.util.Map;

/**
 * A churn model as the stream sees it: a customer's features in, risk and reasons out. Features are
 * named values, a {@link Double} for numeric ones and a {@link String} for categorical ones; a
 * missing feature is absent or null and the model treats it as missing, never as an error.
 * Implementations are immutable and thread-safe, so one instance serves a whole task slot.
 */
public interface ChurnPredictor extends Serializable {
    /** Model name and version, e.g. {@code churn-engine-v3}; goes into cx.scores' modelVersions. */
    String id();

    long version();

    ChurnPrediction predict(Map<String, ?> features);
}
