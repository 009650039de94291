package vigil.jobs.testing;

import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaClients;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a test that waited in vain for committed output should print: the job's status, how far a
 * read_committed reader can read each output partition against its log end (an open transaction holds
 * the difference back), the broker's open transactions with their age, and the test JVM's heap.
 */
public final class KafkaDiagnosis {
    private KafkaDiagnosis() {}

    public static String describe(VigilConfig config, JobClient job, Collection<String> topics) {
        StringBuilder out = new StringBuilder();
        try {
            out.append("job ").append(job.getJobStatus().get(10, TimeUnit.SECONDS)).append("; ");
        } catch (Exception e) {
            out.append("job status unknown (").append(e).append("); ");
        }
        try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.readCommittedConsumer(config, "diagnosis")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                reader.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, Long> stable = reader.endOffsets(partitions);
            Map<TopicPartition, Long> logEnd = logEnds(config, partitions);
            out.append("committed/log end: ");
            for (TopicPartition tp : partitions) {
                out.append(tp).append('=').append(stable.get(tp)).append('/').append(logEnd.get(tp)).append(' ');
            }
        } catch (Exception e) {
            out.append("offsets unknown (").append(e).append(") ");
        }
        out.append("; open transactions: ").append(openTransactions(config));
        return out.append("; ").append(memory()).toString();
    }

    /** The test JVM's heap and the time its collectors took so far (a starved heap makes a job crawl). */
    private static String memory() {
        Runtime runtime = Runtime.getRuntime();
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return String.format("heap %d of %d MB used, GC %d s so far", (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20, gcMillis / 1000);
    }

    /** The log end of each partition, open transactions included (what a read_uncommitted reader sees). */
    private static Map<TopicPartition, Long> logEnds(VigilConfig config, List<TopicPartition> partitions) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(properties)) {
            return reader.endOffsets(partitions);
        }
    }

    private static String openTransactions(VigilConfig config) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            List<String> open = new ArrayList<>();
            for (TransactionListing t : admin.listTransactions(new ListTransactionsOptions()
                    .filterStates(List.of(TransactionState.ONGOING))).all().get(10, TimeUnit.SECONDS)) {
                open.add(t.transactionalId());
            }
            if (open.isEmpty()) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            long now = System.currentTimeMillis();
            for (Map.Entry<String, TransactionDescription> e
                    : admin.describeTransactions(open).all().get(10, TimeUnit.SECONDS).entrySet()) {
                TransactionDescription d = e.getValue();
                out.append(e.getKey()).append(" open ")
                        .append(d.transactionStartTimeMs().isPresent() ? (now - d.transactionStartTimeMs().getAsLong()) + " ms" : "?")
                        .append(" on ").append(d.topicPartitions()).append("; ");
            }
            return out.toString();
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }
}
