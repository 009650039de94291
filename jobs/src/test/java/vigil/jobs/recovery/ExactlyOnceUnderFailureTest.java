package vigil.jobs.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.jobs.streams.Connectors;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.testing.Corpus;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a real Kafka broker with synthetic traffic on the input topics, when the real scoring job runs
 * with RocksDB, checkpoints every second and exactly-once Kafka sinks, and three task failures are
 * injected mid-stream (after a checkpoint, with transactions open), then what read_committed
 * consumers see on every output topic equals, record for record, what a failure-free run of the same
 * job on the same input writes: nothing lost, nothing duplicated.
 *
 * <p>Compared as multisets of (key, value) per topic. Deterministic parts: every field of enriched
 * interactions, scores (their times are event times) and alerts; dead letters without
 * {@code rejectedAt}, the wall-clock time of rejection, and without the {@code reason} of a
 * FUTURE_TIMESTAMP rejection, which says how far ahead of the wall clock the timestamp was. The input keeps each customer on one
 * input topic (so one partition, in order: across topics the arrival order of a customer's events, and
 * so the sequence of their scores, would differ from run to run), has no control messages, and the
 * online learner is off: its model depends on the order in which two scoring subtasks' examples
 * interleave. Next-best-action is off for the same reason: its segment and propensity learners (one
 * instance each) learn from scores in the order the subtasks' outputs interleave, so segments and
 * priorities legitimately differ between two runs (its own snapshot/restore is NextBestActionFunctionTest's). The spike detector is wired but cannot alert within the input's few seconds of event time
 * (its warm-up is 30 minutes), so the alerts are the example rules' (etc/rules) per-customer alerts.
 */
class ExactlyOnceUnderFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<StreamId> OUTPUTS = List.of(StreamId.ENRICHED, StreamId.SCORES, StreamId.DEAD_LETTERS,
            StreamId.ALERTS);
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void outputsAfterThreeFailuresEqualAFailureFreeRun() throws Exception {
        Input input = Input.generate();
        VigilConfig reference = config("reference");
        VigilConfig failing = config("failing");
        TopicAdmin.createAll(reference, 2, (short) 1);
        TopicAdmin.createAll(failing, 2, (short) 1);
        produce(reference, input.records);

        Map<StreamId, List<String>> expected = run(reference, input, false);
        Map<StreamId, List<String>> actual = run(failing, input, true);

        assertThat(FailureInjector.INJECTED.get()).as("task failures injected mid-stream").isGreaterThanOrEqualTo(3);
        assertThat(expected.get(StreamId.ENRICHED)).hasSize(input.interactions);
        assertThat(expected.get(StreamId.DEAD_LETTERS)).hasSize(input.malformed);
        assertThat(expected.get(StreamId.SCORES)).hasSizeGreaterThan(input.interactions / 2);
        assertThat(expected.get(StreamId.ALERTS)).as("the example rules alert on this traffic").isNotEmpty();
        System.out.printf("exactly-once test: %d input records (%d malformed), %d failures injected; outputs %s%n",
                input.records.size(), input.malformed, FailureInjector.INJECTED.get(),
                OUTPUTS.stream().map(s -> s + "=" + actual.get(s).size()).toList());
        for (StreamId stream : OUTPUTS) {
            List<String> want = new ArrayList<>(expected.get(stream));
            List<String> got = new ArrayList<>(actual.get(stream));
            Collections.sort(want);
            Collections.sort(got);
            assertThat(got).as("%s after failures, against the failure-free run", stream).containsExactlyElementsOf(want);
        }
    }

    /** Runs the job until the outputs hold every interaction and dead letter, then 5 s more (late duplicates). */
    private static Map<StreamId, List<String>> run(VigilConfig config, Input input, boolean injectFailures)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        if (injectFailures) {
            DataStream<RawRecord> records = Connectors.inputs(env, config)
                    .map(new FailureInjector(3, 40, 4)).uid("failure-injector").name("failure injector (test)");
            job.wire(records, Outputs.kafka(config));
        } else {
            job.wireKafka(env);
        }
        JobClient client = env.executeAsync("exactly-once-" + config.kafka.groupId);
        Map<StreamId, List<String>> seen = new EnumMap<>(StreamId.class);
        OUTPUTS.forEach(stream -> seen.put(stream, new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "test")) {
            Map<String, StreamId> byTopic = new HashMap<>();
            OUTPUTS.forEach(stream -> byTopic.put(config.topic(stream), stream));
            consumer.subscribe(byTopic.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    StreamId stream = byTopic.get(r.topic());
                    seen.get(stream).add(new String(r.key(), StandardCharsets.UTF_8) + "\t" + deterministic(stream, r.value()));
                }
                if (quietUntil == Long.MAX_VALUE && seen.get(StreamId.ENRICHED).size() >= input.interactions
                        && seen.get(StreamId.DEAD_LETTERS).size() >= input.malformed) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
        } finally {
            client.cancel().get();
        }
        return seen;
    }

    private static String deterministic(StreamId stream, byte[] value) throws Exception {
        if (value == null) {
            return "<tombstone>";
        }
        ObjectNode node = (ObjectNode) JSON.readTree(value);
        if (stream == StreamId.DEAD_LETTERS) {
            node.remove("rejectedAt");
            if ("FUTURE_TIMESTAMP".equals(node.path("errorCode").asText())) {
                node.remove("reason"); // "... is N s in the future": N is measured from the wall clock
            }
        }
        return node.toString();
    }

    private static VigilConfig config(String name) throws Exception {
        VigilConfig config = new VigilConfig();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.kafka.groupId = name;
        config.kafka.transactionalIdPrefix = name;
        config.kafka.transactionTimeout = Duration.ofMinutes(5);
        for (StreamId stream : OUTPUTS) {
            config.topics.put(stream, name + "." + stream.defaultTopic());
        }
        config.topics.put(StreamId.RULE_STATUS, name + "." + StreamId.RULE_STATUS.defaultTopic());
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.checkpoints.restartAttempts = 6;
        config.checkpoints.restartDelay = Duration.ofMillis(500);
        config.churn.learner.enabled = false;
        config.nba.enabled = false;
        config.rules.initialRules = "../etc/rules";
        return config;
    }

    private static void produce(VigilConfig config, List<RawRecord> records) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (RawRecord r : records) {
                producer.send(new ProducerRecord<>(r.topic, null, r.key, r.value));
            }
            producer.flush();
        }
    }

    /** Generator traffic, each customer's valid records on one input topic, no control messages. */
    private static final class Input {
        final List<RawRecord> records = new ArrayList<>();
        int interactions;
        int malformed;

        static Input generate() {
            Corpus corpus = Corpus.generate(System.currentTimeMillis() - 600_000L, 0.02, 3_000, 30);
            Map<String, StreamId> streamOf = new HashMap<>();
            Input input = new Input();
            for (int i = 0; i < corpus.records.size(); i++) {
                GeneratedRecord record = corpus.records.get(i);
                if (record.isValid()) {
                    String customer = customerId(record);
                    // the record's key is its customer, so all of a customer's records share one partition
                    if (record.stream() == StreamId.CONTROL || customer == null || !customer.equals(record.key())
                            || streamOf.computeIfAbsent(customer, k -> record.stream()) != record.stream()) {
                        continue;
                    }
                    if (isChannel(record.stream())) {
                        input.interactions++;
                    }
                } else {
                    input.malformed++;
                }
                input.records.add(corpus.raw.get(i));
            }
            return input;
        }

        private static String customerId(GeneratedRecord record) {
            try {
                var id = JSON.readTree(record.value()).get("customerId");
                return id == null || id.isNull() ? record.key() : id.asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a valid generated record is not JSON", e);
            }
        }

        private static boolean isChannel(StreamId stream) {
            return stream == StreamId.CALLS || stream == StreamId.CHATS || stream == StreamId.SOCIAL
                    || stream == StreamId.CLICKS;
        }
    }
}
