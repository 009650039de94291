package vigil.console;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.EmbeddedKafka;
import vigil.jobs.kafka.KafkaClients;
import vigil.jobs.kafka.TopicAdmin;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerScore;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.Sentiment;
import vigil.schemas.SentimentLabel;
import vigil.schemas.Severity;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real broker with Vigil's topics, and helpers to write what the job would write and to log in over HTTP. */
final class ConsoleFixture implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789";
    static final String COOKIE = "vigil_session";

    final EmbeddedKafka kafka;
    final VigilConfig config = new VigilConfig();
    private final KafkaProducer<byte[], byte[]> producer;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleFixture() {
        kafka = EmbeddedKafka.start();
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        TopicAdmin.createAll(config, 2, (short) 1);
        producer = KafkaClients.producer(config);
    }

    Console startConsole() {
        return Console.start(config, TOKEN);
    }

    /** A GET of {@code path} on {@code target}, with the session cookie when one is given. */
    HttpResponse<String> get(Console target, String path, String cookie) throws Exception {
        return http.send(request(target, path, cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(Console target, String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    void send(StreamId stream, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(config.topic(stream), key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    void sendAlert(Alert alert) throws Exception {
        send(StreamId.ALERTS, alert.getAlertId(), RecordCodec.of(Alert.class, config.format(StreamId.ALERTS)).encode(alert));
    }

    void sendScore(CustomerScore score) throws Exception {
        send(StreamId.SCORES, score.getCustomerId(),
                RecordCodec.of(CustomerScore.class, config.format(StreamId.SCORES)).encode(score));
    }

    void sendInteraction(Interaction interaction) throws Exception {
        send(StreamId.ENRICHED, interaction.getCustomerId(),
                RecordCodec.of(Interaction.class, config.format(StreamId.ENRICHED)).encode(interaction));
    }

    static Alert spikeAlert(String id, long openedAt) {
        return Alert.newBuilder().setAlertId(id).setStatus(AlertStatus.OPENED).setSeverity(Severity.HIGH)
                .setDetector("spike-detector/cusum").setTopic("billing")
                .setSources(List.of(Channel.CALL, Channel.SOCIAL)).setAffectedCustomers(42)
                .setReason("billing complaints at 3.4x their baseline in CALL (9 in the last 20 s, expected 2.1, "
                        + "evidence 4.2) and SOCIAL (31 in the last 25 s, expected 8.0, evidence 14.9); evidence 19.1; "
                        + "42 customers affected")
                .setEvidence(List.of("CALL ev-c1-3: I was charged twice this month", "SOCIAL ev-c2-1: billing is broken again"))
                .setOpenedAt(openedAt).setUpdatedAt(openedAt).build();
    }

    static Alert ruleAlert(String customerId, long at) {
        return Alert.newBuilder().setAlertId("rule:wants-to-cancel:" + customerId + ":" + at).setStatus(AlertStatus.OPENED)
                .setSeverity(Severity.CRITICAL).setDetector("wants-to-cancel").setTopic("cancellation")
                .setSources(List.of(Channel.CALL)).setCustomerId(customerId).setAffectedCustomers(1)
                .setReason("Customer asks to cancel early in the call: said \"cancel my contract\" at 12 s")
                .setEvidence(List.of("CALL ev-c1-2 at 12 s: if this isn't fixed I will cancel my contract"))
                .setOpenedAt(at).setUpdatedAt(at).build();
    }

    static Interaction interaction(String id, String customerId, Channel channel, Party party, String text,
                                   String queue, SentimentLabel label, double score, long at) {
        return Interaction.newBuilder().setInteractionId(id).setCustomerId(customerId).setChannel(channel)
                .setKind(channel == Channel.SOCIAL ? "post" : "segment").setTimestamp(at)
                .setConversationId(channel == Channel.SOCIAL ? null : "conv-" + customerId)
                .setParty(party).setText(text).setQueue(queue).setTopics(List.of("billing"))
                .setSentiment(Sentiment.newBuilder().setLabel(label).setScore(score).setModel("fast-v1").build())
                .build();
    }

    static CustomerScore score(String customerId, long at) {
        return CustomerScore.newBuilder().setCustomerId(customerId).setUpdatedAt(at).setSentiment(-0.42)
                .setChurnRisk(0.71).setChurnBand("high")
                .setReasons(List.of("complaints.billing=3", "contract=Month-to-month", "negative.7d=4"))
                .setTopActions(List.of("billing-credit", "callback-senior-agent")).setSegment(3)
                .setModelVersions(Map.of("churn", "churn-engine-v1")).build();
    }

    /** Control messages on cx.control (all partitions, from the beginning). */
    List<ControlMessage> controlMessages() throws DecodeException {
        RecordCodec<ControlMessage> codec = RecordCodec.of(ControlMessage.class, config.format(StreamId.CONTROL));
        List<ControlMessage> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "console-test")) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.topic(StreamId.CONTROL)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(codec.decode(record.value()));
                }
            }
        }
        return messages;
    }

    /** Logs in over HTTP; returns the session cookie and CSRF token. */
    Login login(Console console, String name) throws Exception {
        HttpResponse<String> response = http.send(loginRequest(console, name, TOKEN, console.url()),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = Pattern.compile(COOKIE + "=([^;]+)").matcher(setCookie);
        if (response.statusCode() != 303 || !m.find()) {
            throw new IllegalStateException("login failed: " + response.statusCode());
        }
        String cookie = COOKIE + "=" + m.group(1);
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(console.url() + "/api/session"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("\"csrf\":\"([^\"]+)\"").matcher(session.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in " + session.body());
        }
        return new Login(cookie, csrf.group(1), setCookie);
    }

    HttpRequest loginRequest(Console console, String name, String token, String origin) {
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(console.url() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.build();
    }

    record Login(String cookie, String csrf, String setCookieHeader) {}

    @Override
    public void close() {
        producer.close();
        kafka.close();
    }
}
