package vigil.jobs.churn;

import vigil.jobs.config.VigilConfig;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.OnlineLinearModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the scoring job's churn models come from: the parser of model JSON (MODEL_UPDATE payloads,
 * the configured model, the learner's state) and the model to start with. The one place that knows
 * the concrete model class.
 */
public final class ChurnModels {
    private ChurnModels() {}

    /**
     * Parses a churn model's JSON. This build has no trained model class yet, so every payload is
     * rejected (logged and counted by the operators; the job keeps running, unscored).
     */
    public static ModelParser parser() {
        return ChurnModels::noModelClass;
    }

    /**
     * The JSON of the model to score with until one is broadcast: {@code churn.model}, or the model
     * shipped with Vigil when that is empty (none in this build: null, and nothing is scored). A
     * configured file must parse, or the job does not start.
     */
    public static String initialModelJson(VigilConfig.Churn churn, ModelParser parser) {
        if (churn.model == null || churn.model.isBlank()) {
            return shippedModelJson();
        }
        String json;
        try {
            json = Files.readString(Path.of(churn.model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read churn.model " + churn.model, e);
        }
        try {
            parser.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("churn.model " + churn.model + " is not a churn model: "
                    + e.getMessage(), e);
        }
        return json;
    }

    private static String shippedModelJson() {
        return null;
    }

    private static OnlineLinearModel noModelClass(String json) {
        throw new UnsupportedOperationException("this build of Vigil has no churn model class to read model JSON");
    }
}
