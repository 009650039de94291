package vigil.bench.load;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Flink metric reporter that keeps the {@code numRecordsIn} counters of the operators the benchmark
 * watches (the first operator after the Kafka source), so the harness reads the job's own consumption
 * count. It lives in the benchmark's JVM, next to the MiniCluster.
 */
public final class ConsumptionProbe implements MetricReporter, MetricReporterFactory {
    /** Reporter name in the Flink configuration: {@code metrics.reporter.<NAME>.factory.class}. */
    public static final String NAME = "vigilbench";
    private static final Map<String, List<Counter>> COUNTERS = new ConcurrentHashMap<>();

    /** Records consumed so far by the operator {@code operatorName} of job {@code jobName}, all subtasks. */
    public static long consumed(String jobName, String operatorName) {
        return COUNTERS.getOrDefault(jobName + "/" + operatorName, List.of()).stream().mapToLong(Counter::getCount).sum();
    }

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return this;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        Map<String, String> variables = group.getAllVariables();
        String operator = variables.get("<operator_name>");
        if ("numRecordsIn".equals(metricName) && metric instanceof Counter && operator != null) {
            COUNTERS.computeIfAbsent(variables.get("<job_name>") + "/" + operator, k -> new CopyOnWriteArrayList<>())
                    .add((Counter) metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {}
}
