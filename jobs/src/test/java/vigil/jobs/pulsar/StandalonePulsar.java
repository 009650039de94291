package vigil.jobs.pulsar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Pulsar standalone (broker, one bookie, RocksDB metadata store, no functions worker) in a JVM
 * of its own, on 127.0.0.1 and free ports, with its data in a temporary directory. Its classpath is the
 * one build-support/pulsar-standalone resolved (system property vigil.pulsar.classpath), so none of
 * Flink's or Kafka's jars are on it.
 */
public final class StandalonePulsar implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String MAIN = "org.apache.pulsar.PulsarStandaloneStarter";

    private final Path dir;
    private final Process process;
    private final int brokerPort;
    private final int webPort;

    private StandalonePulsar(Path dir, Process process, int brokerPort, int webPort) {
        this.dir = dir;
        this.process = process;
        this.brokerPort = brokerPort;
        this.webPort = webPort;
    }

    public static StandalonePulsar start() {
        try {
            Path dir = Files.createTempDirectory("vigil-pulsar");
            int brokerPort = freePort();
            int webPort = freePort();
            Files.writeString(dir.resolve("standalone.conf"), config(brokerPort, webPort));
            Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                    "rootLogger.level = info", "rootLogger.appenderRef.console.ref = console",
                    "appender.console.type = Console", "appender.console.name = console",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n", ""));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:MaxDirectMemorySize=512m",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
                    "--add-opens", "java.base/sun.net=ALL-UNNAMED", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
                    "--add-exports", "java.base/jdk.internal.platform=ALL-UNNAMED",
                    "--add-opens", "java.management/sun.management=ALL-UNNAMED",
                    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                    "-Dlog4j.configurationFile=log4j2.properties",
                    "-cp", classpath(), MAIN,
                    "--config", "standalone.conf", "--no-functions-worker", "--no-stream-storage",
                    "--metadata-dir", "data/metadata", "--bookkeeper-dir", "data/bookkeeper", "--bookkeeper-port", "0"));
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pulsar.log").toFile()).start();
            StandalonePulsar pulsar = new StandalonePulsar(dir, process, brokerPort, webPort);
            pulsar.awaitReady();
            return pulsar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Pulsar standalone", e);
        }
    }

    public String serviceUrl() {
        return "pulsar://127.0.0.1:" + brokerPort;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** Ready when the admin API answers for the default namespace, which the standalone creates last. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl() + "/admin/v2/namespaces/public/default"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Pulsar standalone exited with code " + process.exitValue()
                        + " before it was ready; its log:\n" + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("the Pulsar standalone was not ready on " + adminUrl() + " within " + STARTUP
                + "; its log:\n" + logTail());
    }

    private static String config(int brokerPort, int webPort) {
        return String.join("\n",
                "clusterName=standalone",
                "bindAddress=127.0.0.1",
                "advertisedAddress=127.0.0.1",
                "brokerServicePort=" + brokerPort,
                "webServicePort=" + webPort,
                "managedLedgerDefaultEnsembleSize=1",
                "managedLedgerDefaultWriteQuorum=1",
                "managedLedgerDefaultAckQuorum=1",
                "functionsWorkerEnabled=false",
                // the bookie reads this file too: loopback only, on an ephemeral port
                "listeningInterface=lo",
                "allowLoopback=true",
                "allowEphemeralPorts=true",
                "transactionCoordinatorEnabled=true",
                "brokerDeleteInactiveTopicsEnabled=false",
                "brokerShutdownTimeoutMs=5000",
                "");
    }

    private static String classpath() throws IOException {
        String file = System.getProperty("vigil.pulsar.classpath");
        if (file == null || !Files.exists(Path.of(file))) {
            throw new IllegalStateException("no Pulsar broker classpath file (" + file + "): build through the reactor, "
                    + "e.g. mvn test -pl jobs -am, so build-support/pulsar-standalone writes it");
        }
        return Files.readString(Path.of(file)).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The last 150 lines of the broker's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("pulsar.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: under the system temp directory
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
