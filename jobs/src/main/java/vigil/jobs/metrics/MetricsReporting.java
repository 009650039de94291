package vigil.jobs.metrics;

import org.apache.flink.configuration.Configuration;
import vigil.jobs.config.VigilConfig;

/** The Flink configuration that turns on the Prometheus reporter when {@code metrics.prometheusPort} is set. */
public final class MetricsReporting {
    /** The reporter's name in Flink's configuration keys ({@code metrics.reporter.prom.*}). */
    public static final String REPORTER = "prom";

    private MetricsReporting() {}

    public static Configuration flinkConfiguration(VigilConfig config) {
        Configuration flink = new Configuration();
        if (config.metrics.prometheusPort > 0) {
            String prefix = "metrics.reporter." + REPORTER + ".";
            flink.setString(prefix + "factory.class", LoopbackPrometheusReporterFactory.class.getName());
            flink.setString(prefix + LoopbackPrometheusReporterFactory.HOST, config.metrics.prometheusHost);
            flink.setString(prefix + LoopbackPrometheusReporterFactory.PORT, String.valueOf(config.metrics.prometheusPort));
        }
        return flink;
    }
}
