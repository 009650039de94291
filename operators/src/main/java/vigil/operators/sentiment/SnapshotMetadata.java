package vigil.operators.sentiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Everything about a fast sentiment model besides its weights, as the snapshot's JSON file: name
 * and version, the columns it was trained on, the feature settings and the lexicon (so scoring
 * repeats training's features exactly), the decision rule, and its training record and metrics.
 */
@JsonPropertyOrder({"name", "version", "created", "textCol", "labelCol", "positiveLabel", "threshold",
        "neutralBand", "dimensions", "features", "denseFeatures", "training", "lexicon"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SnapshotMetadata implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String name;
    public long version;
    /** ISO-8601 instant. */
    public String created;
    public String textCol;
    public String labelCol;
    public String positiveLabel;
    /** P(positive) above which a text counts as positive. */
    public double threshold;
    /** Texts with P(positive) within this distance of the threshold are NEUTRAL. */
    public double neutralBand;
    /** Length of the feature vectors and of the coefficient vector. */
    public int dimensions;
    public FeatureSettings features;
    public String[] denseFeatures = SentimentFeatures.DENSE;
    public TrainingInfo training = new TrainingInfo();
    public Lexicon lexicon;

    /** Name and version, as written into every {@code Sentiment} it scores, e.g. "fast-sentiment-v1". */
    @JsonIgnore
    public String id() {
        return name + "-v" + version;
    }

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    public static SnapshotMetadata read(InputStream in) throws IOException {
        return JSON.readValue(in, SnapshotMetadata.class);
    }
}
