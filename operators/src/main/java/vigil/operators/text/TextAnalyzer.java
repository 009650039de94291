package vigil.operators.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text analysis of one interaction: redaction first, on the raw text, then CoreNLP's tokenizer with
 * {@link Tokenization}'s options (the very words the fast sentiment path was trained on, so it scores
 * them without tokenizing again) and its sentence splitter over the redacted text, then topics and
 * entities from its sentences.
 * Thread-safe; Flink's task slots are threads of one JVM, so {@link #shared()} builds each
 * taxonomy/catalog pair once per JVM.
 */
public final class TextAnalyzer {
    private static final Map<String, TextAnalyzer> SHARED = new ConcurrentHashMap<>();

    private final PiiRedactor redactor;
    private final TopicTagger topics;
    private final EntityTagger entities;

    public TextAnalyzer(PiiRedactor redactor, TopicTagger topics, EntityTagger entities) {
        this.redactor = redactor;
        this.topics = topics;
        this.entities = entities;
    }

    /** The analyzer with the default taxonomy and catalog, built on first use. */
    public static TextAnalyzer shared() {
        return shared(TopicTagger.DEFAULT_TAXONOMY, EntityTagger.DEFAULT_CATALOG);
    }

    /** The analyzer for a taxonomy and a catalog (classpath, file or URL), built once per JVM. */
    public static TextAnalyzer shared(String taxonomy, String catalog) {
        return SHARED.computeIfAbsent(taxonomy + '\n' + catalog, key -> new TextAnalyzer(
                PiiRedactor.shared(), TopicTagger.load(taxonomy), EntityTagger.load(catalog)));
    }

    public Analysis analyze(String text) {
        String redacted = redactor.redact(text);
        if (redacted == null || redacted.isBlank()) {
            return Analysis.empty(redacted);
        }
        List<CoreLabel> tokens = Tokenization.tokens(redacted);
        List<List<CoreLabel>> sentences = SentenceSplit.INSTANCE.get().process(tokens);
        return new Analysis(redacted, Tokenization.words(tokens), sentences.size(), topics.topics(sentences),
                entities.entities(sentences));
    }

    /** CoreNLP's sentence splitter with its defaults (what the ssplit annotator runs), one per thread. */
    private static final class SentenceSplit {
        static final ThreadLocal<WordToSentenceProcessor<CoreLabel>> INSTANCE =
                ThreadLocal.withInitial(WordToSentenceProcessor::new);
    }
}
