package vigil.operators.churn;

import java.io.Serializable;

/**
 * Turns a churn model's JSON document (as written by {@link OnlineLinearModel#toJson()}) back into a
 * model. Operators receive one of these instead of a concrete model class, so the model family can
 * change without touching them; a method reference to a static factory is enough.
 */
@FunctionalInterface
public interface ModelParser extends Serializable {
    /** @throws RuntimeException whenever the document is not a valid model */
    OnlineLinearModel parse(String json);
}
