package vigil.jobs.config;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.streams.StreamId;

import vigil.operators.nba.NbaSettings;
import vigil.operators.nba.NextBestActionFunction;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @Test
    void defaultsApplyToWhatIsLeftOut() throws Exception {
        VigilConfig config = ConfigLoader.parse("kafka:\n  bootstrapServers: broker:9093\n"
                + "topics:\n  CALLS: acme.calls\nformats:\n  CHATS: AVRO\nstate:\n  ttl: 30 d\n");

        assertThat(config.kafka.bootstrapServers).isEqualTo("broker:9093");
        assertThat(config.topic(StreamId.CALLS)).isEqualTo("acme.calls");
        assertThat(config.topic(StreamId.CHATS)).isEqualTo("cx.chats");
        assertThat(config.format(StreamId.CHATS)).isEqualTo(RecordFormat.AVRO);
        assertThat(config.format(StreamId.CALLS)).isEqualTo(RecordFormat.JSON);
        assertThat(config.state.ttl).isEqualTo(Duration.ofDays(30));
        assertThat(config.eventTime.outOfOrderness).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.decodeSettings().streamByTopic()).containsEntry("acme.calls", StreamId.CALLS)
                .doesNotContainKey("cx.scores");
        assertThat(config.stateSettings().windowsMs()).containsEntry("7d", Duration.ofDays(7).toMillis());
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        VigilConfig config = ConfigLoader.load(Path.of("../etc/vigil.example.yaml"));

        assertThat(config.checkpoints.interval).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.networkBufferTimeout).isEqualTo(Duration.ofMillis(10));
        assertThat(config.objectReuse).isTrue();
        assertThat(vigil.jobs.ops.LocalClusters.configuration(config)
                .get(org.apache.flink.configuration.TaskManagerOptions.MANAGED_MEMORY_SIZE))
                .isEqualTo(org.apache.flink.configuration.MemorySize.parse("1g"));
        assertThat(vigil.jobs.state.ChangelogBackend.enabled(vigil.jobs.ops.LocalClusters.configuration(config)))
                .as("the changelog state backend, as by default").isEqualTo(new VigilConfig().localCluster.changelog);
        assertThat(config.limits.maxFutureSkew).isEqualTo(Duration.ofHours(1));
        assertThat(config.churn.model).as("empty: the shipped default model").isNull();
        assertThat(config.churn.bands.high).isEqualTo(0.6);
        assertThat(config.churn.labelHistory.retention).isEqualTo(Duration.ofDays(30));
        assertThat(config.learnerSettings().window()).isEqualTo(500);
        assertThat(config.spikeSettings().windowMs).isEqualTo(30_000);
        assertThat(config.spikeSettings().warmUpWindows()).isEqualTo(360);
        assertThat(config.spikeSignals().pageTopics).containsEntry("/status", "outage").hasSize(13);
        assertThat(config.ruleSettings().coolDownMs()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(config.ruleSettings().cancelPages()).isEqualTo(vigil.operators.rules.RuleSettings.DEFAULT_CANCEL_PAGES);
        assertThat(config.ruleSettings().initialRules()).isEmpty();
        NbaSettings nba = config.nbaSettings();
        assertThat(nba.topN()).isEqualTo(3);
        assertThat(nba.policy().windowMs()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(nba.policy().channelCaps()).containsEntry("call", 1).hasSize(4);
        assertThat(nba.segments().features()).hasSize(9).contains("contacts.30d");
        assertThat(nba.initialCatalog()).contains("\"retention-offer\"");
        new NextBestActionFunction(nba); // the shipped catalog passes the operator's check
    }

    @Test
    void nbaSettingsAreChecked(@TempDir Path dir) throws Exception {
        VigilConfig config = ConfigLoader.load(Files.writeString(dir.resolve("c.yaml"),
                "nba: {segments: {features: [plan]}}"));
        assertThatThrownBy(config::nbaSettings).hasMessageContaining("nba.segments.features: 'plan' is not a numeric feature");
        Path catalog = Files.writeString(dir.resolve("catalog.json"),
                "{\"version\": \"v\", \"actions\": [{\"id\": \"x\", \"name\": \"X\", \"eligibility\": {\"fact\": \"tenure\", \"op\": \">\", \"value\": 1}}]}");
        VigilConfig bad = ConfigLoader.load(Files.writeString(dir.resolve("d.yaml"), "nba: {catalog: " + catalog + "}"));
        assertThatThrownBy(() -> new NextBestActionFunction(bad.nbaSettings()))
                .hasMessageContaining("The initial action catalog is invalid: actions[0].eligibility.fact: unknown fact 'tenure'");
    }

    @Test
    void theShippedExampleRulesAreValidAndLoadAsInitialRules() throws Exception {
        VigilConfig config = ConfigLoader.parse("rules:\n  initialRules: ../etc/rules\n  coolDown: 10 min\n");
        vigil.operators.rules.RuleSettings settings = config.ruleSettings();

        assertThat(settings.initialRules()).hasSize(6);
        assertThat(settings.coolDownMs()).isEqualTo(600_000L);
        vigil.operators.rules.RuleParser parser = new vigil.operators.rules.RuleParser(settings.retentionMs());
        for (String rule : settings.initialRules()) {
            assertThat(parser.parse(rule).id()).isNotBlank();
        }
        new vigil.operators.rules.CustomerRulesFunction(settings); // checks them as the job does at start
    }

    @Test
    void churnSettingsAreReadAndChecked() throws Exception {
        VigilConfig config = ConfigLoader.parse("churn:\n  bands: {medium: 0.2, high: 0.7}\n  minDelta: 0.05\n"
                + "  learner: {candidateEvery: 50, window: 80, margin: 0.02, alpha: 0.5}\n");

        assertThat(config.churnSettings().bands().band(0.65)).isEqualTo("medium");
        assertThat(config.churnSettings().minDelta()).isEqualTo(0.05);
        assertThat(config.churnSettings().stateTtlMs()).isEqualTo(config.state.ttl.toMillis());
        assertThat(config.learnerSettings().candidateEvery()).isEqualTo(50);
        assertThat(config.learnerSettings().alpha()).isEqualTo(0.5);
        VigilConfig inverted = ConfigLoader.parse("churn:\n  bands: {medium: 0.8, high: 0.6}\n");
        assertThatThrownBy(inverted::churnSettings).hasMessageContaining("0 < medium < high");
        assertThatThrownBy(() -> ConfigLoader.parse("churn:\n  learner: {windw: 10}\n"))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void theChurnFeatureSpecIsTheShippedOneUnlessConfigured() throws Exception {
        assertThat(new VigilConfig().featureSpec().features()).extracting(f -> f.name()).contains("complaints.billing");

        VigilConfig custom = ConfigLoader.parse("churn:\n  featureSpec: no/such/spec.yaml\n");
        assertThat(custom.churn.featureSpec).isEqualTo("no/such/spec.yaml");
        assertThatThrownBy(custom::featureSpec).hasMessageContaining("no/such/spec.yaml");
    }

    @Test
    void misspeltKeysAndBadDurationsAreErrors() {
        assertThatThrownBy(() -> ConfigLoader.parse("kafka:\n  bootstrapServer: x\n"))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("bootstrapServer");
        assertThatThrownBy(() -> ConfigLoader.parse("state:\n  ttl: forever\n"))
                .hasMessageContaining("expected a duration");
    }
}
