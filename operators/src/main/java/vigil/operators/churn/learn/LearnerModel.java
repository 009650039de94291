package vigil.operators.churn.learn;

import vigil.operators.churn.ModelParser;
import vigil.operators.churn.OnlineLinearModel;

/** The learner's parsed current model and its coefficients, parsed once per JSON document. */
final class LearnerModel {
    private final ModelParser parser;
    private String json;
    private OnlineLinearModel model;
    private double[] coefficients;

    LearnerModel(ModelParser parser) {
        this.parser = parser;
    }

    /** The model for {@code newJson}; throws (keeping the previous one) when it does not parse. */
    OnlineLinearModel of(String newJson) {
        if (newJson != json && !newJson.equals(json)) {
            OnlineLinearModel parsed = parser.parse(newJson);
            if (parsed == null) {
                throw new IllegalArgumentException("the parser returned no model");
            }
            model = parsed;
            coefficients = parsed.coefficients();
            json = newJson;
        }
        return model;
    }

    OnlineLinearModel current() {
        return model;
    }

    double[] coefficients() {
        return coefficients;
    }

    long version() {
        return model == null ? -1 : model.version();
    }
}
