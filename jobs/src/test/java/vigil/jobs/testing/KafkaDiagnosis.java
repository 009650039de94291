package vigil.jobs.testing;

import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaConnectors;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private static final long TIMEOUT_S = 10;

    private KafkaDiagnosis() {}

    public static String describe(VigilConfig config, JobClient job, Collection<String> topics) {
        StringBuilder out = new StringBuilder();
        try {
            out.append("job ").append(job.getJobStatus().get(TIMEOUT_S, TimeUnit.SECONDS)).append("; ");
        } catch (Exception e) {
            out.append("job status unknown (").append(e).append("); ");
        }
        Properties properties = KafkaConnectors.clientProperties(config);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            out.append("committed/log end: ").append(offsets(admin, topics));
            out.append("; open transactions: ").append(openTransactions(admin));
        }
        return out.append("; ").append(memory()).toString();
    }

    /** Per partition, the last stable offset (what read_committed reads up to) and the log end. */
    private static String offsets(Admin admin, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).forEach((topic, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResultInfo> stable = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> logEnd = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder();
            stable.forEach((tp, info) -> out.append(tp).append('=').append(info.offset()).append('/')
                    .append(logEnd.get(tp).offset()).append(' '));
            return out.toString();
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    private static String openTransactions(Admin admin) {
        try {
            List<String> open = new ArrayList<>();
            for (TransactionListing t : admin.listTransactions(new ListTransactionsOptions()
                    .filterStates(List.of(TransactionState.ONGOING))).all().get(TIMEOUT_S, TimeUnit.SECONDS)) {
                open.add(t.transactionalId());
            }
            if (open.isEmpty()) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            long now = System.currentTimeMillis();
            for (Map.Entry<String, TransactionDescription> e
                    : admin.describeTransactions(open).all().get(TIMEOUT_S, TimeUnit.SECONDS).entrySet()) {
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
}
