package vigil.operators.nba.segments;

import org.apache.flink.ml.common.distance.EuclideanDistanceMeasure;
import org.apache.flink.ml.linalg.BLAS;
import org.apache.flink.ml.linalg.DenseVector;
import org.apache.flink.ml.linalg.VectorWithNorm;
import vigil.schemas.SegmentLearnerState;
import vigil.schemas.SegmentModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mini-batch online k-means as Flink ML's OnlineKMeans does it, on Flink ML's linear algebra: each
 * batch is assigned to the nearest centroids, and each centroid moves to the weighted mean of its past
 * (weight decayed by {@code decay}) and its new points: c' = (c w d + sum) / (w d + n), w' = w d + n.
 * Features are standardized with decayed means and variances kept the same way; the first model
 * starts from k-means++ seeds (fixed seed) drawn from the first batch.
 */
public final class OnlineKMeans {
    private final int k;
    private final double decay;
    private final List<String> features;
    private final long seed;

    public OnlineKMeans(int k, double decay, List<String> features, long seed) {
        this.k = k;
        this.decay = decay;
        this.features = List.copyOf(features);
        this.seed = seed;
    }

    /** Learns one full batch (raw vectors, NaN for missing) into the state; returns the new model, or null while fewer than k points differ. */
    public SegmentModel learn(SegmentLearnerState state, List<double[]> batch) {
        updateStandardization(state, batch);
        SegmentModel current = state.getModel();
        SegmentModel scaling = SegmentModel.newBuilder().setVersion(0).setFeatures(features)
                .setMeans(means(state)).setStds(stds(state)).setCentroids(List.of()).setWeights(List.of()).build();
        List<DenseVector> points = new ArrayList<>(batch.size());
        for (double[] raw : batch) {
            points.add(Segments.standardized(scaling, raw));
        }
        List<DenseVector> centroids;
        double[] weights;
        if (current == null) {
            centroids = seeds(points);
            if (centroids.size() < k) {
                return null;
            }
            weights = new double[k];
        } else {
            centroids = new ArrayList<>();
            for (List<Double> c : current.getCentroids()) {
                centroids.add(new DenseVector(Segments.toArray(c)));
            }
            weights = Segments.toArray(current.getWeights());
        }
        update(centroids, weights, points);
        SegmentModel next = SegmentModel.newBuilder(scaling)
                .setVersion(current == null ? 1 : current.getVersion() + 1)
                .setCentroids(lists(centroids)).setWeights(list(weights))
                .setPoints((current == null ? 0 : current.getPoints()) + batch.size()).build();
        state.setModel(next);
        return next;
    }

    private void update(List<DenseVector> centroids, double[] weights, List<DenseVector> points) {
        VectorWithNorm[] withNorm = new VectorWithNorm[centroids.size()];
        for (int i = 0; i < withNorm.length; i++) {
            withNorm[i] = new VectorWithNorm(centroids.get(i));
        }
        int dims = features.size();
        DenseVector[] sums = new DenseVector[k];
        int[] counts = new int[k];
        for (int i = 0; i < k; i++) {
            sums[i] = new DenseVector(dims);
        }
        for (DenseVector p : points) {
            int j = EuclideanDistanceMeasure.getInstance().findClosest(withNorm, new VectorWithNorm(p));
            BLAS.axpy(1.0, p, sums[j]);
            counts[j]++;
        }
        for (int j = 0; j < k; j++) {
            double past = weights[j] * decay;
            double total = past + counts[j];
            if (total == 0) {
                continue;
            }
            DenseVector c = centroids.get(j);
            BLAS.scal(past, c);
            BLAS.axpy(1.0, sums[j], c);
            BLAS.scal(1.0 / total, c);
            weights[j] = total;
        }
    }

    /** k-means++ seeding over the batch's distinct points, with a fixed seed. */
    private List<DenseVector> seeds(List<DenseVector> points) {
        Random random = new Random(seed);
        List<DenseVector> seeds = new ArrayList<>();
        seeds.add(points.get(random.nextInt(points.size())).clone());
        while (seeds.size() < k) {
            double[] d2 = new double[points.size()];
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                double best = Double.MAX_VALUE;
                for (DenseVector s : seeds) {
                    best = Math.min(best, squaredDistance(s, points.get(i)));
                }
                d2[i] = best;
                total += best;
            }
            if (total == 0) {
                break; // fewer than k distinct points
            }
            double r = random.nextDouble() * total;
            int pick = 0;
            for (double acc = d2[0]; acc < r && pick < d2.length - 1; acc += d2[++pick]) {
                // walks to the point whose cumulative weight passes r
            }
            seeds.add(points.get(pick).clone());
        }
        return seeds;
    }

    private static double squaredDistance(DenseVector a, DenseVector b) {
        DenseVector d = b.clone();
        BLAS.axpy(-1.0, a, d);
        return BLAS.dot(d, d);
    }

    /** Decays the standardization sums and adds the batch; a missing value counts as the current mean. */
    private void updateStandardization(SegmentLearnerState state, List<double[]> batch) {
        int dims = features.size();
        double[] sums = state.getSums().isEmpty() ? new double[dims] : Segments.toArray(state.getSums());
        double[] squares = state.getSquares().isEmpty() ? new double[dims] : Segments.toArray(state.getSquares());
        double count = state.getCount();
        double[] mean = new double[dims];
        for (int i = 0; i < dims; i++) {
            mean[i] = count > 0 ? sums[i] / count : 0.0;
        }
        double keep = count > 0 ? decay : 0.0;
        for (int i = 0; i < dims; i++) {
            sums[i] *= keep;
            squares[i] *= keep;
        }
        count = count * keep + batch.size();
        for (double[] x : batch) {
            for (int i = 0; i < dims; i++) {
                double v = Double.isNaN(x[i]) ? mean[i] : x[i];
                sums[i] += v;
                squares[i] += v * v;
            }
        }
        state.setCount(count);
        state.setSums(list(sums));
        state.setSquares(list(squares));
    }

    private static List<Double> means(SegmentLearnerState state) {
        List<Double> means = new ArrayList<>();
        for (double s : state.getSums()) {
            means.add(s / state.getCount());
        }
        return means;
    }

    private static List<Double> stds(SegmentLearnerState state) {
        List<Double> stds = new ArrayList<>();
        for (int i = 0; i < state.getSums().size(); i++) {
            double mean = state.getSums().get(i) / state.getCount();
            double variance = state.getSquares().get(i) / state.getCount() - mean * mean;
            double std = Math.sqrt(Math.max(variance, 0.0));
            stds.add(std < 1e-9 ? 1.0 : std);
        }
        return stds;
    }

    private static List<List<Double>> lists(List<DenseVector> vectors) {
        List<List<Double>> out = new ArrayList<>();
        for (DenseVector v : vectors) {
            out.add(list(v.values));
        }
        return out;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
