package vigil.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A real Prometheus server (the Debian {@code prometheus} package, which {@code ./vigil test} installs) run
 * by a test as a child process on 127.0.0.1 and a free port, scraping the given targets every second,
 * with its storage in a temporary directory. Queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code 127.0.0.1:<port>/metrics} for each target port, and waits until it is ready. */
    public static PrometheusServer start(Path workDir, int... targetPorts) throws IOException, InterruptedException {
        Path binary = binary();
        int port = freePort();
        List<String> targets = new ArrayList<>();
        for (int target : targetPorts) {
            targets.add("'127.0.0.1:" + target + "'");
        }
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: vigil\n    static_configs:\n      - targets: " + targets + "\n");
        Path data = Files.createDirectories(workDir.resolve("tsdb"));
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
                "--web.console.templates=" + workDir, "--web.console.libraries=" + workDir)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(workDir.resolve("prometheus.log"));
        return server;
    }

    /** The result vector of an instant query ({@code data.result}); fails on an error status. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("query " + promql + " failed: " + body);
        }
        return body.path("data").path("result");
    }

    /** The value of a query that yields one sample, or NaN when it yields none. */
    public double scalar(String promql) throws IOException, InterruptedException {
        JsonNode result = query(promql);
        return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
    }

    /** Every metric name Prometheus has stored. */
    public Set<String> metricNames() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        get("/api/v1/label/__name__/values").path("data").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Health of the scrape targets, e.g. {@code up}. */
    public JsonNode targets() throws IOException, InterruptedException {
        return get("/api/v1/targets").path("data").path("activeTargets");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus not ready after 60 s: " + Files.readString(log));
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/prometheus");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new IllegalStateException("no prometheus binary: install the Debian package `prometheus` "
                + "(./vigil test does it)");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
