package vigil.bench.load;

import java.util.Arrays;

/** Latency samples in milliseconds, and their percentiles by the nearest-rank method. Thread-safe. */
public final class Samples {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public synchronized int count() {
        return size;
    }

    /**
     * The smallest sample with at least {@code p} percent of the samples at or below it (nearest rank);
     * -1 when there is none.
     */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(1, rank) - 1];
    }

    public synchronized long max() {
        return size == 0 ? -1 : percentile(100);
    }
}
