package vigil.jobs;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.jobs.testing.Corpus;
import vigil.jobs.testing.KafkaDiagnosis;
import vigil.operators.decode.RawRecord;
import vigil.schemas.CustomerScore;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.codec.JsonCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a real Kafka broker (KRaft, in-process, 127.0.0.1) and JSON events of every kind on the
 * input topics, when the scoring job runs with RocksDB, checkpoints and transactional sinks, then
 * read_committed consumers see every valid event once, every bad one dead-lettered, and the tombstone
 * of an erased customer.
 */
class KafkaPipelineTest {
    private static final JsonCodec<Interaction> INTERACTIONS = new JsonCodec<>(Interaction.class);
    private static final JsonCodec<DeadLetter> LETTERS = new JsonCodec<>(DeadLetter.class);
    private static final JsonCodec<CustomerScore> SCORES = new JsonCodec<>(CustomerScore.class);
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
    void scoresEveryEventExactlyOnceThroughKafka() throws Exception {
        VigilConfig config = new VigilConfig();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        TopicAdmin.createAll(config, 2, (short) 1);

        Corpus corpus = Corpus.generate(System.currentTimeMillis() - 600_000L, 0.05, 3_000, 100);
        String erased = firstCustomer(corpus);
        produce(config, corpus.raw);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        JobClient client = env.executeAsync("kafka-pipeline-test");
        Seen seen = new Seen();
        String diagnosis = "";
        try (KafkaConsumer<byte[], byte[]> consumer = outputConsumer(config)) {
            // When every event has been scored, the customer's erasure is requested
            boolean all = consumeUntil(consumer, config, seen, () -> seen.interactionIds.size() >= corpus.interactionIds.size()
                    && seen.deadLetterOffsets.size() >= corpus.malformedOffsets.size(), Duration.ofSeconds(300));
            if (!all) {
                diagnosis = KafkaDiagnosis.describe(config, client, consumer.subscription());
            }
            produce(config, List.of(erasure(config, erased)));
            consumeUntil(consumer, config, seen, () -> !seen.tombstones.isEmpty(), Duration.ofSeconds(60));
            // a little longer, to catch duplicates a faulty sink would add after the expected counts
            consumeUntil(consumer, config, seen, () -> false, Duration.ofSeconds(3));
        } finally {
            client.cancel().get();
        }

        // counts first: a failure names what was missing and why, not thousands of ids
        assertThat(seen.interactionIds.size()).as("valid interactions read back (%s)", diagnosis)
                .isEqualTo(corpus.interactionIds.size());
        assertThat(seen.interactionIds).as("each valid interaction once, nothing duplicated").doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen.interactionIds)).isEqualTo(corpus.interactionIds);
        assertThat(seen.deadLetterOffsets).hasSize(corpus.malformedOffsets.size());
        assertThat(seen.deadLetterReasons).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(seen.tombstones).containsExactly(erased);
        assertThat(seen.latestScores).containsKey(erased).hasSizeGreaterThan(50);
        assertThat(seen.latestScores.get(erased)).as("the tombstone is the erased customer's last word").isNull();
    }

    private static String firstCustomer(Corpus corpus) {
        for (int i = 0; i < corpus.records.size(); i++) {
            var r = corpus.records.get(i);
            if (r.malformation() == null && r.stream() == StreamId.CALLS) {
                return r.key();
            }
        }
        throw new IllegalStateException("no call in the corpus");
    }

    private static RawRecord erasure(VigilConfig config, String customer) {
        String json = "{\"id\":\"erase-1\",\"type\":\"ERASE_CUSTOMER\",\"customerId\":\"" + customer
                + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
        return new RawRecord(config.topic(StreamId.CONTROL), 0, 0, 0, customer.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static void produce(VigilConfig config, List<RawRecord> records) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            // one partition per input topic keeps the dead letters' offsets comparable with the corpus
            for (RawRecord r : records) {
                producer.send(new ProducerRecord<>(r.topic, 0, null, r.key, r.value));
            }
            producer.flush();
        }
    }

    private static final class Seen {
        final List<String> interactionIds = new ArrayList<>();
        final Set<String> deadLetterOffsets = new HashSet<>();
        final List<String> deadLetterReasons = new ArrayList<>();
        final List<String> tombstones = new ArrayList<>();
        final Map<String, CustomerScore> latestScores = new HashMap<>();
    }

    private static KafkaConsumer<byte[], byte[]> outputConsumer(VigilConfig config) {
        KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "test");
        consumer.subscribe(List.of(config.topic(StreamId.ENRICHED), config.topic(StreamId.DEAD_LETTERS),
                config.topic(StreamId.SCORES)));
        return consumer;
    }

    /** Reads output until {@code done} or the timeout; whether it got done. */
    private static boolean consumeUntil(KafkaConsumer<byte[], byte[]> consumer, VigilConfig config, Seen out,
                                        BooleanSupplier done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !done.getAsBoolean()) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                if (r.topic().equals(config.topic(StreamId.ENRICHED))) {
                    out.interactionIds.add(INTERACTIONS.decode(r.value()).getInteractionId());
                } else if (r.topic().equals(config.topic(StreamId.DEAD_LETTERS))) {
                    DeadLetter letter = LETTERS.decode(r.value());
                    out.deadLetterOffsets.add(letter.getSourceTopic() + "@" + letter.getOffset());
                    out.deadLetterReasons.add(letter.getReason());
                } else if (r.value() == null) {
                    out.tombstones.add(key);
                    out.latestScores.put(key, null);
                } else {
                    out.latestScores.put(key, SCORES.decode(r.value()));
                }
            }
        }
        return done.getAsBoolean();
    }
}
