package vigil.operators.enrich;

import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.operators.text.EntityTagger;
import vigil.schemas.Channel;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.SentimentLabel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.operators.testing.Events.interaction;
import static vigil.operators.testing.Events.profile;

class AnalyzeFunctionTest {
    @Test
    void redactsTagsAndScoresEveryTextOnTheFastPath() throws Exception {
        CustomerEvent chat = withText(interaction("C1", Channel.CHAT, "v1", 1L),
                "You billed me twice, refund it to card 4111 1111 1111 1111 or mail me at ann@example.com. Terrible!");
        CustomerEvent happy = withText(interaction("C2", Channel.CHAT, "v2", 2L),
                "Thanks, the new fiber 500 plan is great and the agent was really helpful");
        List<CustomerEvent> out = run(new AnalysisSettings(Map.of(), null), chat, happy, profile("C3", 3L, "Basic", 2));

        assertThat(out).hasSize(3);
        Interaction first = (Interaction) out.get(0).getPayload();
        assertThat(first.getText()).doesNotContain("4111", "ann@example.com").contains("[CARD]", "[EMAIL]");
        assertThat(first.getTopics()).contains("billing");
        assertThat(first.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(first.getSentiment().getScore()).isBetween(-1.0, 0.0);

        Interaction second = (Interaction) out.get(1).getPayload();
        assertThat(second.getEntities()).contains("plan:Fiber 500");
        assertThat(second.getTopics()).contains("praise");
        assertThat(second.getSentiment().getLabel()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(second.getSentiment().getModel()).isEqualTo(first.getSentiment().getModel()).doesNotContain("corenlp");

        assertThat(out.get(2).getPayload()).as("non-text events pass unchanged").isEqualTo(profile("C3", 3L, "Basic", 2).getPayload());
    }

    @Test
    void takesItsTaxonomyFromConfigurationData(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("topics.rules");
        Files.writeString(rules, "# a one-topic taxonomy\nroaming /roaming|abroad/\n");
        AnalysisSettings settings = new AnalysisSettings(Map.of(), null, rules.toString(), EntityTagger.DEFAULT_CATALOG);
        CustomerEvent event = withText(interaction("C1", Channel.CHAT, "v1", 1L),
                "My bill shows roaming charges from my trip abroad");

        Interaction out = (Interaction) run(settings, event).get(0).getPayload();
        assertThat(out.getTopics()).containsExactly("roaming");
    }

    private static List<CustomerEvent> run(AnalysisSettings settings, CustomerEvent... events) throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new AnalyzeFunction(settings)))) {
            harness.open();
            for (CustomerEvent event : events) {
                harness.processElement(new StreamRecord<>(event, event.getTimestamp()));
            }
            return harness.extractOutputValues();
        }
    }

    private static CustomerEvent withText(CustomerEvent event, String text) {
        ((Interaction) event.getPayload()).setText(text);
        return event;
    }
}
