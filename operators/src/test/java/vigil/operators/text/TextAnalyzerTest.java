package vigil.operators.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = TextAnalyzer.shared();

    @Test
    void redactsFirstAndAnalysesTheRedactedText() {
        Analysis a = analyzer.analyze(
                "I was charged twice on card 4111 1111 1111 1111! Write to router.fan@example.com or call +44 20 7946 0958.");
        assertThat(a.redactedText()).isEqualTo(
                "I was charged twice on card [CARD]! Write to [EMAIL] or call [PHONE].");
        assertThat(String.join(" ", a.tokens())).doesNotContain("4111", "example", "7946");
        assertThat(a.sentences()).isEqualTo(2);
        assertThat(a.topics()).containsExactly("billing");
        // "router" only occurred inside the e-mail address, which is gone before tagging
        assertThat(a.entities()).isEmpty();
    }

    @Test
    void findsTopicsAndEntitiesPerSentence() {
        Analysis a = analyzer.analyze("My Fiber 500 router is down again. The agent was rude. I want to cancel.");
        assertThat(a.sentences()).isEqualTo(3);
        assertThat(a.tokens()).startsWith("My", "Fiber", "500", "router");
        assertThat(a.topics()).containsExactly("agent", "cancellation", "outage");
        assertThat(a.entities()).containsExactly("plan:Fiber 500", "product:router");
    }

    @Test
    void emptyAndNullTexts() {
        assertThat(analyzer.analyze(null)).isEqualTo(Analysis.empty(null));
        assertThat(analyzer.analyze("  ").tokens()).isEmpty();
        assertThat(analyzer.analyze("  ").sentences()).isZero();
    }

    @Test
    void sharedOncePerConfiguration(@TempDir Path dir) throws IOException {
        assertThat(TextAnalyzer.shared()).isSameAs(analyzer);
        Path catalog = Files.writeString(dir.resolve("catalog.txt"), "product: doorbell\n");
        TextAnalyzer other = TextAnalyzer.shared(TopicTagger.DEFAULT_TAXONOMY, catalog.toString());
        assertThat(other).isNotSameAs(analyzer);
        assertThat(TextAnalyzer.shared(TopicTagger.DEFAULT_TAXONOMY, catalog.toString())).isSameAs(other);
        assertThat(other.analyze("The doorbell and the router are broken").entities())
                .containsExactly("product:doorbell");
    }

    @Test
    void givesTheSameAnswersFromSeveralThreads() throws Exception {
        List<String> texts = List.of("No internet since Monday, call me on 555-123-4567",
                "The app keeps crashing. Thanks a lot for the quick help!",
                "Where is my SIM card? It never arrived.", "Your prices are too high. Bye.");
        List<Analysis> expected = texts.stream().map(analyzer::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int k = i % texts.size();
                        if (!analyzer.analyze(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
