package vigil.operators.churn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import vigil.operators.churn.train.VectorStage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A churn model as JSON: metadata, input features, fitted stages, the training mean of every vector
 * slot (for reason codes) and, in a cx.control message, the coefficients. In a snapshot directory the
 * coefficients live in the Flink ML model data instead, and this document leaves them out.
 */
@JsonPropertyOrder({"metadata", "features", "stages", "slotMeans", "coefficients"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ChurnModelDocument {
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper INDENTED = COMPACT.copy().enable(SerializationFeature.INDENT_OUTPUT);

    public ChurnMetadata metadata;
    public List<InputFeature> features;
    public List<VectorStage> stages;
    public double[] slotMeans;
    /** Logistic regression coefficients, intercept last; null in a snapshot directory's copy. */
    public double[] coefficients;

    public String toJson(boolean indented) {
        try {
            return (indented ? INDENTED : COMPACT).writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChurnModelDocument fromJson(String json) {
        try {
            return COMPACT.readValue(json, ChurnModelDocument.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a churn model document: " + e.getMessage(), e);
        }
    }

    public static ChurnModelDocument read(InputStream in) throws IOException {
        return COMPACT.readValue(in, ChurnModelDocument.class);
    }
}
