package vigil.jobs.churn;

import vigil.jobs.config.VigilConfig;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.ChurnModel;

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

    /** Parses a churn model's JSON ({@link ChurnModel#toJson()}); a document that is not a model throws. */
    public static ModelParser parser() {
        return ChurnModel::fromJson;
    }

    /**
     * The JSON of the model to score with until one is broadcast: {@code churn.model} (a
     * {@code train-churn} snapshot directory, or a model JSON file), or the model shipped with Vigil
     * when that is empty. A configured model must load, or the job does not start.
     */
    public static String initialModelJson(VigilConfig.Churn churn, ModelParser parser) {
        if (churn.model == null || churn.model.isBlank()) {
            return shippedModelJson();
        }
        Path location = Path.of(churn.model);
        if (Files.isDirectory(location)) {
            try {
                return ChurnModel.load(location).toJson();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("churn.model " + churn.model + " is not a churn model snapshot: "
                        + e.getMessage(), e);
            }
        }
        String json;
        try {
            json = Files.readString(location);
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

    /** The engine's default model, trained on synthetic generator history (see README). */
    public static String shippedModelJson() {
        return ChurnModel.fromClasspath(ChurnModel.DEFAULT_MODEL).toJson();
    }
}
