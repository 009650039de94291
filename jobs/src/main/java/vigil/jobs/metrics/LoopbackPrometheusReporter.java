package vigil.jobs.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;

/**
 * Flink's Prometheus reporter (the same metric names, labels and formats: it reuses Flink's
 * {@link AbstractPrometheusReporter}) serving on one chosen address instead of every interface, so a
 * job run from the shell or a test exposes its metrics on 127.0.0.1 only. On Kubernetes the chart uses
 * Flink's own PrometheusReporterFactory, which must listen on the pod's address.
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {
    private final HTTPServer server;

    LoopbackPrometheusReporter(String host, int port) {
        try {
            server = new HTTPServer(new InetSocketAddress(host, port), registry(this), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve Prometheus metrics on " + host + ":" + port, e);
        }
        log.info("Serving Prometheus metrics on {}:{}", host, server.getPort());
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
        super.close();
    }

    /** Flink 1.18 keeps each reporter's registry in a package-private field; read it once, here. */
    private static CollectorRegistry registry(AbstractPrometheusReporter reporter) {
        try {
            Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
            field.setAccessible(true);
            return (CollectorRegistry) field.get(reporter);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unexpected flink-metrics-prometheus version: no registry field", e);
        }
    }
}
