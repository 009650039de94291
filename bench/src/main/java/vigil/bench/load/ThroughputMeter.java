package vigil.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a job's consumption counter and reports its sustained rate: records per second from the end
 * of the warm-up (a number of seconds after the first record was consumed) to the end of the phase
 * (the time limit, or the moment the whole backlog was consumed).
 */
public final class ThroughputMeter {
    /** One reading of the counter. */
    public record Reading(long nanos, long count) {}

    /** The outcome: the sustained rate, what it was measured over, and whether the backlog ran out first. */
    public record Result(double perSecond, long records, double seconds, long consumed, boolean drained) {}

    private final List<Reading> readings = new ArrayList<>();

    public void add(long nanos, long count) {
        readings.add(new Reading(nanos, count));
    }

    /**
     * Reads {@code counter} every {@code periodMs} until {@code total} records were consumed or
     * {@code seconds} passed since the first one, then computes the result.
     */
    public static Result measure(LongSupplier counter, long total, double seconds, double warmUpSeconds,
                                 long periodMs, long timeoutMs) throws InterruptedException {
        ThroughputMeter meter = new ThroughputMeter();
        long start = System.nanoTime();
        long first = -1;
        while (true) {
            long now = System.nanoTime();
            long count = counter.getAsLong();
            meter.add(now, count);
            if (first < 0 && count > 0) {
                first = now;
            }
            if (count >= total || (first >= 0 && now - first >= seconds * 1e9)
                    || (first < 0 && now - start > timeoutMs * 1_000_000L)) {
                break;
            }
            Thread.sleep(periodMs);
        }
        return meter.result(total, warmUpSeconds);
    }

    /**
     * The rate after the warm-up. When the backlog ran out before the warm-up ended, the rate over
     * the whole consumption instead (first to last record), flagged as drained.
     */
    public Result result(long total, double warmUpSeconds) {
        Reading first = readings.stream().filter(r -> r.count() > 0).findFirst().orElse(null);
        Reading last = readings.get(readings.size() - 1);
        if (first == null) {
            return new Result(0, 0, 0, 0, false);
        }
        long warmEnd = first.nanos() + (long) (warmUpSeconds * 1e9);
        Reading from = readings.stream().filter(r -> r.nanos() >= warmEnd).findFirst().orElse(null);
        boolean drained = last.count() >= total;
        if (from == null || from == last) {
            // drained within the warm-up: the whole consumption, from the reading before the first record
            Reading before = readings.get(Math.max(0, readings.indexOf(first) - 1));
            double seconds = (last.nanos() - before.nanos()) / 1e9;
            return new Result(last.count() / seconds, last.count(), seconds, last.count(), true);
        }
        double seconds = (last.nanos() - from.nanos()) / 1e9;
        long records = last.count() - from.count();
        return new Result(records / seconds, records, seconds, last.count(), drained);
    }
}
