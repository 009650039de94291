package vigil.jobs;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vigil.jobs.testing.Checkpoints;
import vigil.jobs.churn.ChurnModels;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.testing.CollectingSink;
import vigil.jobs.testing.Corpus;
import vigil.operators.decode.RawRecord;
import vigil.schemas.ActionChange;
import vigil.schemas.CatalogStatus;
import vigil.schemas.ControlMessage;
import vigil.schemas.RecommendedAction;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.ScoreUpdate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole scoring job on a MiniCluster (parallelism 2, RocksDB, checkpoints) with collecting sinks. */
class ScoringPipelineTest {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    /** Card and IBAN digits: no run of 12 or more digits (spaces and dashes allowed) may survive. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){11,}");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void everyValidRecordIsProcessedAndEveryBadOneDeadLettered() throws Exception {
        // Given 10,000+ malformed records of every kind mixed with valid synthetic traffic
        Corpus corpus = Corpus.generate(System.currentTimeMillis() - 3_600_000L, 0.3, 20_000, 10_000);
        VigilConfig config = new VigilConfig();
        config.checkpoints.interval = Duration.ofSeconds(1);
        config.checkpoints.directory = Checkpoints.directory().toUri().toString();
        CollectingSink<ScoreUpdate> scores = new CollectingSink<>("pipeline-scores");
        CollectingSink<Interaction> enriched = new CollectingSink<>("pipeline-enriched");
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>("pipeline-dead-letters");
        CollectingSink<ControlMessage> modelUpdates = new CollectingSink<>("pipeline-model-updates");

        // When the job runs over them
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        CollectingSink<ActionChange> actionChanges = new CollectingSink<>("pipeline-actions");
        job.wire(env.fromCollection(corpus.raw, TypeInformation.of(RawRecord.class)), new Outputs(scores, enriched, deadLetters,
                modelUpdates).withActions(actionChanges, new CollectingSink<CatalogStatus>("pipeline-catalog-status")));
        env.execute("pipeline-test");

        // Then every bad record is dead-lettered once, with its origin and a reason
        List<DeadLetter> letters = deadLetters.results();
        assertThat(corpus.malformedOffsets).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(letters).hasSize(corpus.malformedOffsets.size());
        assertThat(letters.stream().map(DeadLetter::getOffset).collect(Collectors.toSet()))
                .isEqualTo(corpus.malformedOffsets);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getReason()).isNotBlank();
            assertThat(letter.getSourceTopic()).startsWith("cx.");
            assertThat(letter.getValue()).isNotNull();
        });
        assertThat(letters.stream().map(DeadLetter::getErrorCode).collect(Collectors.toSet()))
                .contains("MALFORMED", "WRONG_TYPE", "MISSING_CUSTOMER_ID", "UNKNOWN_EVENT_TYPE", "TEXT_TOO_LARGE",
                        "FUTURE_TIMESTAMP", "MISSING_FIELD");

        // and every valid record is processed exactly once
        List<Interaction> interactions = enriched.results();
        Set<String> ids = interactions.stream().map(Interaction::getInteractionId).collect(Collectors.toSet());
        assertThat(interactions).hasSize(corpus.interactionIds.size());
        assertThat(ids).isEqualTo(corpus.interactionIds);
        List<ScoreUpdate> updates = scores.results();
        assertThat(updates).as("one score update per valid record").hasSize(corpus.valid);
        assertThat(updates).allSatisfy(u -> assertThat(u.getScore()).isNotNull());
        Set<String> customers = new HashSet<>();
        updates.forEach(u -> customers.add(u.getCustomerId()));
        assertThat(customers).hasSizeGreaterThan(100);
        // and every score carries churn risk from the shipped model, a band and at most three reasons
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.getScore().getChurnRisk()).isBetween(0.0, 1.0);
            assertThat(u.getScore().getChurnBand()).isIn("low", "medium", "high");
            assertThat(u.getScore().getReasons()).hasSizeLessThanOrEqualTo(3);
            assertThat(u.getScore().getModelVersions()).containsKey("churn");
        });
        assertThat(updates.stream().map(u -> u.getScore().getChurnRisk()).distinct().count())
                .as("the synthetic customers do not all look alike").isGreaterThan(100);
        assertThat(modelUpdates.results()).as("whatever the learner promotes is a readable model")
                .allSatisfy(m -> assertThat(ChurnModels.parser().parse(m.getPayload()).version()).isPositive());

        // and every score carries one to three next-best actions of the default catalog, each with a reason
        assertThat(updates).allSatisfy(u -> {
            List<RecommendedAction> actions = u.getScore().getActions();
            assertThat(actions).hasSizeBetween(1, 3);
            assertThat(u.getScore().getTopActions()).isEqualTo(actions.stream().map(RecommendedAction::getActionId)
                    .collect(Collectors.toList()));
            assertThat(actions).allSatisfy(a -> assertThat(a.getReason()).contains("priority"));
        });
        assertThat(updates.stream().map(u -> u.getScore().getTopActions().get(0)).distinct().count())
                .as("more than one kind of top action").isGreaterThan(2);
        assertThat(updates.stream().filter(u -> u.getScore().getSegment() != null).count())
                .as("segments once the online k-means had its first batch").isPositive();
        assertThat(updates).allSatisfy(u -> assertThat(u.getScore().getSegment()).isIn(null, 0, 1, 2, 3));
        assertThat(actionChanges.results()).isNotEmpty().allSatisfy(c -> assertThat(c.getCatalogVersion())
                .isEqualTo("default-1"));

        // and every text is analyzed: redacted, scored, tagged
        List<Interaction> texts = interactions.stream().filter(i -> i.getText() != null && !i.getText().isBlank())
                .collect(Collectors.toList());
        assertThat(texts).hasSizeGreaterThan(1000).allSatisfy(i -> {
            assertThat(i.getSentiment()).isNotNull();
            assertThat(i.getText()).doesNotContainPattern(EMAIL).doesNotContainPattern(LONG_DIGIT_RUN);
        });
        assertThat(texts.stream().filter(i -> i.getText().contains("[EMAIL]") || i.getText().contains("[PHONE]")
                || i.getText().contains("[CARD]") || i.getText().contains("[IBAN]")).count())
                .as("the synthetic traffic carries some PII, all of it redacted").isPositive();
        assertThat(texts.stream().filter(i -> i.getTopics().contains("billing")).count()).isPositive();
        assertThat(updates.stream().filter(u -> !u.getScore().getChannelSentiment().isEmpty()).count()).isPositive();

        // and every update carries the churn features of the shipped spec, some of them raised by the traffic
        assertThat(updates).allSatisfy(u -> assertThat(u.getFeatures()).containsKeys("tenureMonths",
                "complaints.billing", "repeatContacts", "cancelPages.30d", "daysSinceContact"));
        for (String signal : List.of("negative.30d", "complaints.billing", "cancelPages.30d", "errorPages.30d")) {
            assertThat(updates.stream().filter(u -> u.getFeatures().get(signal) instanceof Double
                    && (Double) u.getFeatures().get(signal) > 0).count()).as(signal).isPositive();
        }
    }
}
