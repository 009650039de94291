package vigil.operators.nba.segments;

import org.apache.flink.ml.common.distance.EuclideanDistanceMeasure;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.VectorWithNorm;
import vigil.schemas.SegmentModel;

import java.util.List;
import java.util.Map;

/**
 * A customer's segment under a k-means model: the nearest centroid (Euclidean, Flink ML's
 * {@link EuclideanDistanceMeasure}) to the customer's standardized behaviour vector. A missing
 * feature takes the mean (0 once standardized).
 */
public final class Segments {
    private final SegmentModel model;
    private final VectorWithNorm[] centroids;

    public Segments(SegmentModel model) {
        this.model = model;
        List<List<Double>> cs = model.getCentroids();
        centroids = new VectorWithNorm[cs.size()];
        for (int i = 0; i < cs.size(); i++) {
            centroids[i] = new VectorWithNorm(new DenseVector(toArray(cs.get(i))));
        }
    }

    public long version() {
        return model.getVersion();
    }

    public int assign(Map<String, Object> features) {
        return EuclideanDistanceMeasure.getInstance().findClosest(centroids,
                new VectorWithNorm(standardized(model, raw(model.getFeatures(), features))));
    }

    /** The named features in order; NaN for missing or non-numeric ones. */
    public static double[] raw(List<String> names, Map<String, Object> features) {
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            Object v = features.get(names.get(i));
            x[i] = v instanceof Double && Double.isFinite((Double) v) ? (Double) v : Double.NaN;
        }
        return x;
    }

    /** (x - mean) / std per feature, 0 for a missing one. */
    public static DenseVector standardized(SegmentModel model, double[] raw) {
        DenseVector z = new DenseVector(raw.length);
        for (int i = 0; i < raw.length; i++) {
            z.values[i] = Double.isNaN(raw[i]) ? 0.0 : (raw[i] - model.getMeans().get(i)) / model.getStds().get(i);
        }
        return z;
    }

    static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
