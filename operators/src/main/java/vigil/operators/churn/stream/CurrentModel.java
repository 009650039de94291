package vigil.operators.churn.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.operators.churn.ModelParser;
import vigil.operators.churn.OnlineLinearModel;

/**
 * One subtask's parsed churn model. The broadcast state holds the model's JSON (what a checkpoint
 * keeps); this parses it once and reuses the result until the JSON changes. Without a broadcast model
 * the configured initial one applies, and without either there is no model.
 */
final class CurrentModel {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentModel.class);

    private final ModelParser parser;
    private final OnlineLinearModel initial;
    private String json;
    private OnlineLinearModel model;

    CurrentModel(ModelParser parser, String initialJson) {
        this.parser = parser;
        this.initial = initialJson == null ? null : parser.parse(initialJson);
        this.model = initial;
    }

    /** The model for this broadcast JSON (null: none broadcast yet). */
    OnlineLinearModel of(String broadcastJson) {
        if (broadcastJson == null) {
            return initial;
        }
        // the same String instance comes back from heap broadcast state: usually no comparison at all
        if (broadcastJson != json && !broadcastJson.equals(json)) {
            try {
                model = parser.parse(broadcastJson);
            } catch (RuntimeException e) {
                // it parsed when it was broadcast; only a changed parser gets here (e.g. after an upgrade)
                LOG.error("The churn model in broadcast state no longer parses; using the initial model", e);
                model = initial;
            }
            json = broadcastJson;
        }
        return model;
    }

    /** Parses a newly broadcast model; throws when it does not parse, leaving the current one in place. */
    OnlineLinearModel accept(String newJson) {
        OnlineLinearModel parsed = parser.parse(newJson);
        if (parsed == null) {
            throw new IllegalArgumentException("the parser returned no model");
        }
        json = newJson;
        model = parsed;
        return parsed;
    }

    /** The model last seen by this subtask, for the version gauge. */
    OnlineLinearModel lastSeen() {
        return model;
    }
}
