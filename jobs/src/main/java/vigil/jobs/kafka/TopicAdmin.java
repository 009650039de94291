package vigil.jobs.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import vigil.jobs.config.VigilConfig;
import vigil.schemas.streams.StreamId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates topics (existing ones are left as they are) and waits until every partition has a
 * leader, so producers started right after do not race the controller.
 */
public final class TopicAdmin {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicAdmin() {}

    /** Creates every topic of Vigil's streams; cx.scores is compacted. */
    public static List<String> createAll(VigilConfig config, int partitions, short replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (StreamId stream : StreamId.values()) {
            NewTopic topic = new NewTopic(config.topic(stream), partitions, replication);
            if (stream == StreamId.SCORES) {
                topic.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(topic);
        }
        Properties client = KafkaConnectors.clientProperties(config);
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        create(client, topics);
        return topics.stream().map(NewTopic::name).toList();
    }

    public static void create(Properties client, List<NewTopic> topics) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = Admin.create(properties)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Could not create topic " + name, e);
                }
            });
            awaitLeaders(admin, names, deadline);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> names, long deadline) {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Could not describe topics " + names, e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not describe topics " + names, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " have partitions without a leader after " + TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
        }
    }
}
