package vigil.jobs.pulsar;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.streams.Connectors;
import vigil.jobs.streams.StreamSystem;
import vigil.schemas.streams.StreamId;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The `systems` and `pulsar` configuration, and how Pulsar's topic names map back to the configured ones. */
class PulsarConfigTest {
    @Test
    void streamsGoToPulsarOnlyWhenConfigured() throws Exception {
        VigilConfig config = ConfigLoader.parse(String.join("\n",
                "pulsar:", "  serviceUrl: pulsar://broker:6650", "  deliveryGuarantee: EXACTLY_ONCE",
                "  properties: {pulsar.client.authParams: 'token:x'}",
                "systems: {SOCIAL: PULSAR, SCORES: PULSAR}", "topics: {SOCIAL: 'persistent://acme/cx/social'}", ""));

        assertThat(config.system(StreamId.SOCIAL)).isEqualTo(StreamSystem.PULSAR);
        assertThat(config.system(StreamId.CALLS)).isEqualTo(StreamSystem.KAFKA);
        assertThat(config.pulsar.serviceUrl).isEqualTo("pulsar://broker:6650");
        assertThat(config.pulsar.deliveryGuarantee).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(config.pulsar.properties).containsEntry("pulsar.client.authParams", "token:x");
        assertThat(Connectors.inputTopics(config, StreamSystem.PULSAR)).containsExactly("persistent://acme/cx/social");
        assertThat(Connectors.inputTopics(config, StreamSystem.KAFKA)).contains("cx.calls", "cx.control")
                .doesNotContain("persistent://acme/cx/social", "cx.scores");
    }

    @Test
    void aMisspeltSystemIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.parse("systems: {SOCIAL: PULSR}\n")).hasMessageContaining("PULSR");
    }

    @Test
    void theShippedExampleKeepsEveryStreamOnKafka() throws Exception {
        VigilConfig config = ConfigLoader.load(Path.of("../etc/vigil.example.yaml"));

        assertThat(config.pulsar.serviceUrl).isEqualTo("pulsar://127.0.0.1:6650");
        assertThat(Connectors.inputTopics(config, StreamSystem.PULSAR)).isEmpty();
    }

    @Test
    void messageTopicsMapBackToTheConfiguredNames() {
        PulsarTopics topics = new PulsarTopics(java.util.List.of("cx.social", "acme/cx/calls", "persistent://t/n/chats"));

        assertThat(topics.configured("persistent://public/default/cx.social")).isEqualTo("cx.social");
        assertThat(topics.configured("persistent://public/default/cx.social-partition-3")).isEqualTo("cx.social");
        assertThat(topics.configured("persistent://acme/cx/calls")).isEqualTo("acme/cx/calls");
        assertThat(topics.configured("persistent://t/n/chats-partition-0")).isEqualTo("persistent://t/n/chats");
        assertThat(topics.configured("persistent://public/default/other")).isEqualTo("persistent://public/default/other");
        assertThat(PulsarTopics.partition("persistent://public/default/cx.social-partition-3")).isEqualTo(3);
        assertThat(PulsarTopics.partition("persistent://public/default/cx.social")).isZero();
    }
}
