package vigil.operators.churn;

import vigil.operators.churn.train.VectorStage;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The fitted transformers of a churn model in order: each writes its block of the feature vector,
 * and the vector's last slot is the constant 1.0 the intercept multiplies.
 */
public final class FeaturePipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<InputFeature> features;
    private final List<VectorStage> stages;
    private final int dimensions;

    public FeaturePipeline(List<InputFeature> features, List<VectorStage> stages) {
        this.features = List.copyOf(features);
        this.stages = List.copyOf(stages);
        int width = 1;
        for (VectorStage stage : stages) {
            width += stage.width();
        }
        this.dimensions = width;
    }

    public List<InputFeature> features() {
        return features;
    }

    public List<VectorStage> stages() {
        return stages;
    }

    /** Length of the vector, intercept slot included. */
    public int dimensions() {
        return dimensions;
    }

    public double[] vectorize(Map<String, ?> values) {
        return vectorize(FeatureRow.of(features, values));
    }

    public double[] vectorize(FeatureRow row) {
        double[] x = new double[dimensions];
        int offset = 0;
        for (VectorStage stage : stages) {
            stage.encode(row, x, offset);
            offset += stage.width();
        }
        x[dimensions - 1] = 1;
        return x;
    }

    /** For each slot the input features it derives from; the intercept slot derives from none. */
    public int[][] slotSources() {
        int[][] sources = new int[dimensions][];
        int offset = 0;
        for (VectorStage stage : stages) {
            int[][] block = stage.slotSources();
            System.arraycopy(block, 0, sources, offset, block.length);
            offset += block.length;
        }
        sources[dimensions - 1] = new int[0];
        return sources;
    }

    /** A readable name for each slot. */
    public String[] slotNames() {
        String[] names = new String[dimensions];
        int offset = 0;
        for (VectorStage stage : stages) {
            String[] block = stage.slotNames(features);
            System.arraycopy(block, 0, names, offset, block.length);
            offset += block.length;
        }
        names[dimensions - 1] = "intercept";
        return names;
    }
}
