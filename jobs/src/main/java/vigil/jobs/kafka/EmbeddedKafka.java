package vigil.jobs.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (combined KRaft broker and controller) running inside this JVM,
 * so the demo and the integration tests need no external Kafka. It listens on 127.0.0.1 only.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteDataDir;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteDataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteDataDir = deleteDataDir;
    }

    /** Starts a broker whose data lives in a temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("vigil-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker keeping its data in {@code dataDir}, which is formatted unless it already holds a cluster. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, false);
    }

    private static EmbeddedKafka start(Path dataDir, boolean deleteDataDir) {
        long started = System.nanoTime();
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logDir = dataDir.toAbsolutePath().resolve("kraft");
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = new KafkaConfig(serverProperties(logDir, brokerPort, controllerPort), false);
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup(); // returns once the broker is unfenced and serving
        } catch (Exception e) {
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (deleteDataDir) {
                deleteQuietly(dataDir);
            }
            throw new IllegalStateException("Could not start the embedded Kafka broker in " + dataDir, e);
        }
        String bootstrap = HOST + ":" + brokerPort;
        LOG.info("Embedded Kafka started on {} in {} ms (data in {})",
                bootstrap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return new EmbeddedKafka(server, bootstrap, dataDir, deleteDataDir);
    }

    /** Settings for a one-node cluster: replication factor 1 everywhere, bound to the loopback address only. */
    private static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

        p.put("num.partitions", "2");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("transaction.max.timeout.ms", "900000");
        p.put("group.initial.rebalance.delay.ms", "0");

        // Small segments and buffers: this broker shares the JVM (and the disk) with the Flink job.
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        // A quicker heartbeat lets the broker be unfenced sooner at startup.
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    /** The in-process equivalent of {@code kafka-storage.sh format}. */
    private static void format(Path logDir) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .run();
        LOG.debug("Formatted {} for cluster {}", logDir, clusterId);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    /** The value for the clients' {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker keeps its logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /** Creates a topic with the broker's default settings and waits until it is usable. */
    public void createTopic(String name, int partitions) {
        createTopics(Map.of(name, partitions), Map.of());
    }

    /** Creates a log-compacted topic ({@code cleanup.policy=compact}) and waits until it is usable. */
    public void createCompactedTopic(String name, int partitions) {
        createTopics(Map.of(name, partitions), Map.of("cleanup.policy", "compact"));
    }

    /** Creates the topics, all with the same topic config, and waits until every partition has a leader. */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> topicConfig) {
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1).configs(topicConfig))
                .collect(Collectors.toList());
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        TopicAdmin.create(client, topics);
    }

    /** Stops the broker and waits for its threads to end; deletes the data if it was a temporary directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteDataDir) {
                deleteQuietly(dataDir);
            }
        }
        LOG.info("Embedded Kafka on {} stopped in {} ms",
                bootstrapServers, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }
}
