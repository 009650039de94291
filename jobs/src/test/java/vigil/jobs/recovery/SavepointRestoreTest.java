package vigil.jobs.recovery;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.jobs.ops.Savepoints;
import vigil.jobs.testing.Checkpoints;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.ChannelActivity;
import vigil.schemas.CustomerScore;
import vigil.schemas.codec.JsonCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the scoring job on a real Kafka broker with RocksDB and exactly-once sinks, when customers
 * post twice about their bill, the job is stopped with a savepoint, they post twice more and a fresh
 * job starts from the savepoint, then their counters continue from where they were (4 posts, not 2,
 * and not 6: the source's offsets came back too), and the repeat-contact rule remembers it alerted
 * them (its cool-down holds: no second alert), while a customer new to the restored job is alerted
 * as before, with the same kind of stable alert id.
 */
class SavepointRestoreTest {
    private static final JsonCodec<CustomerScore> SCORES = new JsonCodec<>(CustomerScore.class);
    private static final JsonCodec<Alert> ALERTS = new JsonCodec<>(Alert.class);
    private static final List<String> CUSTOMERS = List.of("C000001", "C000002", "C000003", "C000004");
    private static final String NEWCOMER = "C000099";
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
    void stateSurvivesStopWithSavepointAndRestore() throws Exception {
        VigilConfig config = config();
        TopicAdmin.createAll(config, 2, (short) 1);
        long start = System.currentTimeMillis() - 3_600_000L;
        Seen seen = new Seen();

        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "test")) {
            consumer.subscribe(List.of(config.topic(StreamId.SCORES), config.topic(StreamId.ALERTS)));
            postTwice(config, CUSTOMERS, start);
            JobClient first = start(config, StreamExecutionEnvironment.getExecutionEnvironment());
            String savepoint;
            try {
                seen.consumeUntil(consumer, config, () -> CUSTOMERS.stream().allMatch(c -> seen.socialTotal(c) == 2)
                        && seen.alerts.size() >= CUSTOMERS.size());
            } finally {
                savepoint = Savepoints.stopWithSavepoint(first, Checkpoints.directory().toUri().toString(),
                        Duration.ofMinutes(2));
            }
            List<Alert> before = new ArrayList<>(seen.alerts);
            assertThat(before).extracting(Alert::getCustomerId).containsExactlyInAnyOrderElementsOf(CUSTOMERS);

            postTwice(config, CUSTOMERS, start + 600_000L);
            postTwice(config, List.of(NEWCOMER), start + 600_000L);
            JobClient second = start(config,
                    StreamExecutionEnvironment.getExecutionEnvironment(Savepoints.restoreFrom(savepoint, false, new Configuration())));
            try {
                seen.consumeUntil(consumer, config, () -> CUSTOMERS.stream().allMatch(c -> seen.socialTotal(c) >= 4)
                        && seen.socialTotal(NEWCOMER) == 2 && seen.alerts.size() > before.size());
                seen.consumeUntil(consumer, config, () -> false, Duration.ofSeconds(3));
            } finally {
                second.cancel().get();
            }
        }

        for (String customer : CUSTOMERS) {
            assertThat(seen.socialTotal(customer)).as("%s's posts counted across the restore", customer).isEqualTo(4);
        }
        assertThat(seen.alerts).as("one alert per customer: the restored cool-down holds; the newcomer alerted")
                .extracting(Alert::getCustomerId).containsExactlyInAnyOrderElementsOf(
                        concat(CUSTOMERS, NEWCOMER));
        assertThat(seen.alerts).extracting(Alert::getAlertId)
                .allSatisfy(id -> assertThat(id).startsWith("rule:billing-twice:")).doesNotHaveDuplicates();
    }

    private static JobClient start(VigilConfig config, StreamExecutionEnvironment env) throws Exception {
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        return env.executeAsync("savepoint-test");
    }

    private static VigilConfig config() throws Exception {
        VigilConfig config = new VigilConfig();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.checkpoints.restartAttempts = 2;
        config.kafka.transactionTimeout = Duration.ofMinutes(5);
        Path rule = Files.createTempFile("vigil-rule", ".json");
        Files.writeString(rule, "{\"id\": \"billing-twice\", \"severity\": \"MEDIUM\","
                + " \"when\": {\"type\": \"repeatContact\", \"topic\": \"billing\", \"withinDays\": 7}}");
        config.rules.initialRules = rule.toString();
        return config;
    }

    /** Two posts about the bill per customer, a minute apart, on cx.social. */
    private static void postTwice(VigilConfig config, List<String> customers, long at) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(config)) {
            for (String customer : customers) {
                for (int post = 0; post < 2; post++) {
                    String id = customer + "-" + at + "-" + post;
                    String json = "{\"eventId\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"type\":\"POST\","
                            + "\"platform\":\"x\",\"text\":\"I was charged twice on my bill again\",\"timestamp\":"
                            + (at + post * 60_000L) + "}";
                    producer.send(new ProducerRecord<>(config.topic(StreamId.SOCIAL),
                            customer.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static final class Seen {
        final Map<String, CustomerScore> scores = new HashMap<>();
        final List<Alert> alerts = new ArrayList<>();

        long socialTotal(String customer) {
            CustomerScore score = scores.get(customer);
            return score == null ? 0 : score.getActivity().stream().filter(a -> a.getChannel() == Channel.SOCIAL)
                    .mapToLong(ChannelActivity::getTotal).sum();
        }

        void consumeUntil(KafkaConsumer<byte[], byte[]> consumer, VigilConfig config, BooleanSupplier done) throws Exception {
            consumeUntil(consumer, config, done, Duration.ofSeconds(90));
            assertThat(done.getAsBoolean()).as("outputs within 90 s; scores %s, alerts %s", scores.keySet(), alerts).isTrue();
        }

        void consumeUntil(KafkaConsumer<byte[], byte[]> consumer, VigilConfig config, BooleanSupplier done,
                          Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.topic().equals(config.topic(StreamId.SCORES))) {
                        scores.put(new String(r.key(), StandardCharsets.UTF_8), SCORES.decode(r.value()));
                    } else {
                        alerts.add(ALERTS.decode(r.value()));
                    }
                }
            }
        }
    }
}
