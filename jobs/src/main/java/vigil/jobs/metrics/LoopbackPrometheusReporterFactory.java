package vigil.jobs.metrics;

import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Properties;

/**
 * Creates a {@link LoopbackPrometheusReporter}: {@code metrics.reporter.<name>.factory.class} set to this
 * class, with {@code host} (default 127.0.0.1) and {@code port} (required).
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {
    public static final String HOST = "host";
    public static final String PORT = "port";

    @Override
    public LoopbackPrometheusReporter createMetricReporter(Properties properties) {
        String port = properties.getProperty(PORT);
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("the Prometheus reporter needs a port");
        }
        return new LoopbackPrometheusReporter(properties.getProperty(HOST, "127.0.0.1"), Integer.parseInt(port.trim()));
    }
}
