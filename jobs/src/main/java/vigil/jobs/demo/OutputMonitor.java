package vigil.jobs.demo;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.KafkaClients;
import vigil.schemas.ActionChange;
import vigil.schemas.Alert;
import vigil.schemas.RecommendedAction;
import vigil.schemas.CustomerScore;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Reads the job's outputs as a downstream system would (read_committed) and counts them. */
public final class OutputMonitor implements Runnable {
    private final VigilConfig config;
    private final RecordCodec<Interaction> enrichedCodec;
    private final RecordCodec<DeadLetter> deadLetterCodec;
    private final RecordCodec<Alert> alertCodec;
    private final RecordCodec<CustomerScore> scoreCodec;
    /** Each customer's latest churn band, as a compacted cx.scores would hold it. */
    private final Map<String, String> churnBands = new HashMap<>();
    /** Each customer's latest top next-best action. */
    private final Map<String, String> topActions = new HashMap<>();
    private long actionChanges;
    /** The latest reason read on cx.actions, per action id. */
    private final Map<String, String> reasonByAction = new TreeMap<>();
    private final RecordCodec<ActionChange> actionCodec;
    private final Map<String, Long> alertsByStatus = new TreeMap<>();
    private final Map<String, Long> ruleAlerts = new TreeMap<>();
    private final Queue<String> alertLines = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> enrichedByChannel = new TreeMap<>();
    private final Map<String, Long> sentimentByLabel = new TreeMap<>();
    private final Map<String, Long> topics = new TreeMap<>();
    private final Map<String, Long> deadLettersByReason = new TreeMap<>();
    private long scores;
    private long tombstones;
    private volatile boolean running = true;

    public OutputMonitor(VigilConfig config) {
        this.config = config;
        this.enrichedCodec = RecordCodec.of(Interaction.class, config.format(StreamId.ENRICHED));
        this.deadLetterCodec = RecordCodec.of(DeadLetter.class, config.format(StreamId.DEAD_LETTERS));
        this.alertCodec = RecordCodec.of(Alert.class, config.format(StreamId.ALERTS));
        this.scoreCodec = RecordCodec.of(CustomerScore.class, config.format(StreamId.SCORES));
        this.actionCodec = RecordCodec.of(ActionChange.class, config.format(StreamId.ACTIONS));
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.readCommittedConsumer(config, "vigil-demo-monitor")) {
            consumer.subscribe(List.of(config.topic(StreamId.ENRICHED), config.topic(StreamId.SCORES),
                    config.topic(StreamId.DEAD_LETTERS), config.topic(StreamId.ALERTS), config.topic(StreamId.ACTIONS)));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count(record);
                }
            }
        }
    }

    public void stop() {
        running = false;
    }

    private synchronized void count(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(config.topic(StreamId.SCORES))) {
                scores++;
                String customer = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    tombstones++;
                    churnBands.remove(customer);
                    topActions.remove(customer);
                } else {
                    CustomerScore score = scoreCodec.decode(record.value());
                    if (score.getChurnBand() != null) {
                        churnBands.put(customer, score.getChurnBand());
                    }
                    if (!score.getTopActions().isEmpty()) {
                        topActions.put(customer, score.getTopActions().get(0));
                    }
                }
            } else if (record.topic().equals(config.topic(StreamId.ACTIONS))) {
                actionChanges++;
                RecommendedAction action = actionCodec.decode(record.value()).getAction();
                reasonByAction.put(action.getActionId(), action.getReason());
            } else if (record.topic().equals(config.topic(StreamId.ENRICHED))) {
                Interaction interaction = enrichedCodec.decode(record.value());
                enrichedByChannel.merge(interaction.getChannel().name(), 1L, Long::sum);
                if (interaction.getSentiment() != null) {
                    sentimentByLabel.merge(interaction.getSentiment().getLabel().name(), 1L, Long::sum);
                }
                interaction.getTopics().forEach(topic -> topics.merge(topic, 1L, Long::sum));
            } else if (record.topic().equals(config.topic(StreamId.ALERTS))) {
                Alert alert = alertCodec.decode(record.value());
                if (alert.getCustomerId() != null) {
                    ruleAlerts.merge(alert.getDetector(), 1L, Long::sum); // per-customer: counted, not printed
                    return;
                }
                alertsByStatus.merge(alert.getStatus().name(), 1L, Long::sum);
                alertLines.add("ALERT " + alert.getStatus() + " " + alert.getAlertId() + " [" + alert.getSeverity()
                        + ", " + alert.getSources() + "] " + alert.getReason());
            } else {
                deadLettersByReason.merge(deadLetterCodec.decode(record.value()).getErrorCode(), 1L, Long::sum);
            }
        } catch (DecodeException e) {
            throw new IllegalStateException("Vigil wrote an unreadable record to " + record.topic(), e);
        }
    }

    public synchronized Counts counts() {
        return new Counts(new TreeMap<>(enrichedByChannel), new TreeMap<>(sentimentByLabel), new TreeMap<>(topics),
                new TreeMap<>(deadLettersByReason), scores, tombstones, new TreeMap<>(alertsByStatus), bandCounts(),
                new TreeMap<>(ruleAlerts), actionChanges, topActionCounts(), new TreeMap<>(reasonByAction));
    }

    private Map<String, Long> topActionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        topActions.values().forEach(action -> counts.merge(action, 1L, Long::sum));
        return counts;
    }

    private Map<String, Long> bandCounts() {
        Map<String, Long> counts = new TreeMap<>();
        churnBands.values().forEach(band -> counts.merge(band, 1L, Long::sum));
        return counts;
    }

    /** Alert lifecycle events read since the last call, one readable line each. */
    public List<String> takeAlertLines() {
        List<String> lines = new ArrayList<>();
        for (String line; (line = alertLines.poll()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    /** A consistent copy of the counters. */
    public record Counts(Map<String, Long> enrichedByChannel, Map<String, Long> sentimentByLabel,
                         Map<String, Long> topics, Map<String, Long> deadLettersByReason, long scores, long tombstones,
                         Map<String, Long> alertsByStatus, Map<String, Long> customersByChurnBand,
                         Map<String, Long> ruleAlertsByRule, long actionChanges,
                         Map<String, Long> customersByTopAction, Map<String, String> latestReasonByAction) {
        public long enriched() {
            return enrichedByChannel.values().stream().mapToLong(Long::longValue).sum();
        }

        public long deadLetters() {
            return deadLettersByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
