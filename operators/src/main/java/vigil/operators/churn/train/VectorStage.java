package vigil.operators.churn.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import vigil.operators.churn.FeatureRow;

import java.io.Serializable;

/**
 * A fitted transformer of a churn model: writes a fixed block of slots of the feature vector from a
 * customer's input features. Each slot knows the input features it was derived from, so a
 * coefficient's contribution can be handed back to them as a reason code. Fitted stages are never
 * changed after fitting: one instance serves every thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StandardScaling.class, name = "standard-scaling"),
        @JsonSubTypes.Type(value = OneHotEncoding.class, name = "one-hot"),
        @JsonSubTypes.Type(value = QuantileBinning.class, name = "quantile-binning"),
        @JsonSubTypes.Type(value = PairwiseInteractions.class, name = "interactions"),
        @JsonSubTypes.Type(value = TreeLeafEncoding.class, name = "tree-leaves")})
public interface VectorStage extends Serializable {
    /** Number of slots this stage writes. */
    int width();

    /** Writes this stage's slots into {@code out[offset .. offset + width())}; every slot is written. */
    void encode(FeatureRow row, double[] out, int offset);

    /** For each slot, the input features (indices) it derives from; a reason code shares its contribution equally among them. */
    int[][] slotSources();

    /** For each slot a readable name, e.g. {@code contract=Month-to-month} or {@code tenure in [12, 24)}. */
    String[] slotNames(java.util.List<vigil.operators.churn.InputFeature> features);
}
