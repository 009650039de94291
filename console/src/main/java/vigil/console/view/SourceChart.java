package vigil.console.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live chart's numbers: per source and time bucket (event time), the alerts opened that name the
 * source and the average sentiment score of customers' own texts (call and chat turns said by the
 * customer, social posts). Only the last {@code buckets} buckets up to now are kept.
 */
public final class SourceChart {
    public static final List<String> SOURCES = List.of("CALL", "CHAT", "SOCIAL", "CLICK");

    /** Per source: alerts opened per bucket, and average sentiment per bucket (null: no text in it). */
    public record Series(List<Integer> alerts, List<Double> sentiment) {}

    /** The chart: bucket length, the end of the last bucket, the series per source, oldest bucket first. */
    public record Snapshot(long bucketMs, long end, Map<String, Series> sources) {}

    private final long bucketMs;
    private final int buckets;
    private final TreeMap<Long, Bucket> byIndex = new TreeMap<>();

    private static final class Bucket {
        final Map<String, Integer> alerts = new TreeMap<>();
        final Map<String, double[]> sentiment = new TreeMap<>(); // sum, count
    }

    public SourceChart(long bucketMs, int buckets) {
        this.bucketMs = bucketMs;
        this.buckets = buckets;
    }

    public synchronized void onAlertOpened(long openedAt, List<String> sources, long now) {
        Bucket bucket = bucket(openedAt, now);
        if (bucket != null) {
            sources.forEach(source -> bucket.alerts.merge(source, 1, Integer::sum));
        }
    }

    public synchronized void onSentiment(String source, long timestamp, double score, long now) {
        Bucket bucket = bucket(timestamp, now);
        if (bucket != null) {
            double[] sum = bucket.sentiment.computeIfAbsent(source, s -> new double[2]);
            sum[0] += score;
            sum[1]++;
        }
    }

    public synchronized Snapshot snapshot(long now) {
        long last = Math.floorDiv(now, bucketMs);
        byIndex.headMap(last - buckets + 1).clear();
        Map<String, Series> sources = new LinkedHashMap<>();
        for (String source : SOURCES) {
            List<Integer> alerts = new ArrayList<>();
            List<Double> sentiment = new ArrayList<>();
            for (long i = last - buckets + 1; i <= last; i++) {
                Bucket bucket = byIndex.get(i);
                alerts.add(bucket == null ? 0 : bucket.alerts.getOrDefault(source, 0));
                double[] sum = bucket == null ? null : bucket.sentiment.get(source);
                sentiment.add(sum == null ? null : sum[0] / sum[1]);
            }
            sources.put(source, new Series(alerts, sentiment));
        }
        return new Snapshot(bucketMs, (last + 1) * bucketMs, sources);
    }

    /** The bucket of the time, or null when it is outside the chart (too old, or ahead of the clock). */
    private Bucket bucket(long time, long now) {
        long index = Math.floorDiv(time, bucketMs);
        long last = Math.floorDiv(now, bucketMs);
        if (index <= last - buckets || index > last + 1) {
            return null;
        }
        return byIndex.computeIfAbsent(index, i -> new Bucket());
    }
}
