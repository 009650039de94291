package vigil.jobs.pulsar;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.jobs.streams.StreamSystem;
import vigil.jobs.testing.Checkpoints;
import vigil.schemas.Alert;
import vigil.schemas.Channel;
import vigil.schemas.ChannelActivity;
import vigil.schemas.CustomerScore;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.codec.JsonCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a real Pulsar standalone (its own JVM, 127.0.0.1) and a real Kafka broker, with cx.social,
 * cx.scores and cx.alerts configured on Pulsar (sinks EXACTLY_ONCE, in Pulsar transactions) and the
 * other streams on Kafka, when customers post
 * about their bill twice on Pulsar, then the scoring job decodes the posts (the malformed one
 * dead-lettered like any Kafka record), and a Pulsar consumer reads each customer's score and the
 * repeat-contact rule's alert for each of them.
 */
class PulsarPipelineTest {
    private static final JsonCodec<CustomerScore> SCORES = new JsonCodec<>(CustomerScore.class);
    private static final JsonCodec<Alert> ALERTS = new JsonCodec<>(Alert.class);
    private static final JsonCodec<Interaction> INTERACTIONS = new JsonCodec<>(Interaction.class);
    private static final JsonCodec<DeadLetter> LETTERS = new JsonCodec<>(DeadLetter.class);
    private static final int CUSTOMERS = 12;
    private static StandalonePulsar pulsar;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        pulsar = StandalonePulsar.start();
    }

    @AfterAll
    static void stop() {
        if (pulsar != null) {
            pulsar.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void socialPostsInAndScoresAndAlertsOutThroughPulsar() throws Exception {
        VigilConfig config = config();
        TopicAdmin.createAll(config, 1, (short) 1);
        long start = System.currentTimeMillis() - 600_000L;
        List<String> postIds = new ArrayList<>();
        Set<String> customers = new HashSet<>();

        try (PulsarClient client = PulsarClient.builder().serviceUrl(pulsar.serviceUrl()).build();
             Consumer<byte[]> outputs = client.newConsumer().topic(config.topic(StreamId.SCORES), config.topic(StreamId.ALERTS))
                     .subscriptionName("test").subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
            try (Producer<byte[]> social = client.newProducer().topic(config.topic(StreamId.SOCIAL)).create()) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    String customer = String.format("C%06d", i);
                    customers.add(customer);
                    for (int post = 0; post < 2; post++) {
                        String id = "post-" + i + "-" + post;
                        postIds.add(id);
                        send(social, customer, post(id, customer, start + i * 1_000L + post * 60_000L,
                                post == 0 ? "I was charged twice on my bill this month"
                                        : "still waiting for the refund of the double charge on my bill"));
                    }
                }
                send(social, "C999999", "{\"eventId\": \"broken".getBytes(StandardCharsets.UTF_8));
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            ScoringJob job = new ScoringJob(config);
            job.configure(env);
            job.wireKafka(env);
            JobClient jobClient = env.executeAsync("pulsar-pipeline-test");
            Map<String, CustomerScore> scores = new HashMap<>();
            List<Alert> alerts = new ArrayList<>();
            KafkaSeen kafkaSeen = new KafkaSeen();
            try (KafkaConsumer<byte[], byte[]> kafkaOutputs = KafkaClients.readCommittedConsumer(config, "test")) {
                kafkaOutputs.subscribe(List.of(config.topic(StreamId.ENRICHED), config.topic(StreamId.DEAD_LETTERS)));
                BooleanSupplier done = () -> alerts.size() >= CUSTOMERS && kafkaSeen.interactionIds.size() >= postIds.size()
                        && !kafkaSeen.letters.isEmpty() && scores.values().stream().filter(s -> socialTotal(s) == 2).count() == CUSTOMERS;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline && !done.getAsBoolean()) {
                    Message<byte[]> message = outputs.receive(200, TimeUnit.MILLISECONDS);
                    if (message != null) {
                        if (message.getTopicName().endsWith(config.topic(StreamId.SCORES))) {
                            scores.put(message.getKey(), SCORES.decode(message.getData()));
                        } else {
                            alerts.add(ALERTS.decode(message.getData()));
                        }
                        outputs.acknowledge(message);
                    }
                    kafkaSeen.poll(kafkaOutputs, config);
                }
            } finally {
                jobClient.cancel().get();
            }

            assertThat(kafkaSeen.interactionIds).as("every post decoded from Pulsar, enriched once on Kafka")
                    .containsExactlyInAnyOrderElementsOf(postIds);
            assertThat(kafkaSeen.letters).as("the malformed post dead-lettered as on Kafka").singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.getSourceTopic()).isEqualTo(config.topic(StreamId.SOCIAL));
                        assertThat(letter.getReason()).isNotBlank();
                        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("{\"eventId\": \"broken");
                    });
            assertThat(scores.keySet()).as("a score per customer, keyed by customer, on Pulsar").isEqualTo(customers);
            assertThat(scores.values()).allSatisfy(score -> assertThat(socialTotal(score)).isEqualTo(2));
            assertThat(alerts).as("the repeat-contact rule alerts each customer once, on Pulsar").hasSize(CUSTOMERS)
                    .allSatisfy(alert -> assertThat(alert.getDetector()).isEqualTo("billing-twice"));
            assertThat(alerts).extracting(Alert::getCustomerId).containsExactlyInAnyOrderElementsOf(customers);
        }
    }

    private static VigilConfig config() throws Exception {
        VigilConfig config = new VigilConfig();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.pulsar.serviceUrl = pulsar.serviceUrl();
        config.pulsar.adminUrl = pulsar.adminUrl();
        config.systems.put(StreamId.SOCIAL, StreamSystem.PULSAR);
        config.systems.put(StreamId.SCORES, StreamSystem.PULSAR);
        config.systems.put(StreamId.ALERTS, StreamSystem.PULSAR);
        config.pulsar.deliveryGuarantee = DeliveryGuarantee.EXACTLY_ONCE;
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        config.checkpoints.restartAttempts = 2;
        Path rule = Files.createTempFile("vigil-rule", ".json");
        Files.writeString(rule, "{\"id\": \"billing-twice\", \"severity\": \"MEDIUM\","
                + " \"when\": {\"type\": \"repeatContact\", \"topic\": \"billing\", \"withinDays\": 7}}");
        config.rules.initialRules = rule.toString();
        return config;
    }

    private static byte[] post(String id, String customer, long timestamp, String text) {
        return ("{\"eventId\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"type\":\"POST\",\"platform\":\"x\","
                + "\"handle\":\"@" + customer + "\",\"text\":\"" + text + "\",\"timestamp\":" + timestamp + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Producer<byte[]> producer, String key, byte[] value) throws Exception {
        producer.newMessage().key(key).value(value).send();
    }

    private static long socialTotal(CustomerScore score) {
        return score.getActivity().stream().filter(a -> a.getChannel() == Channel.SOCIAL)
                .mapToLong(ChannelActivity::getTotal).sum();
    }

    private static final class KafkaSeen {
        final List<String> interactionIds = new ArrayList<>();
        final List<DeadLetter> letters = new ArrayList<>();

        void poll(KafkaConsumer<byte[], byte[]> consumer, VigilConfig config) throws Exception {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.topic().equals(config.topic(StreamId.ENRICHED))) {
                    interactionIds.add(INTERACTIONS.decode(r.value()).getInteractionId());
                } else {
                    letters.add(LETTERS.decode(r.value()));
                }
            }
        }
    }
}
