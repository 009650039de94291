package vigil.operators.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text analysis of one interaction: redaction first, on the raw text, then one cheap CoreNLP
 * pipeline (tokenize, ssplit) over the redacted text, then topics and entities from its sentences.
 * Thread-safe; Flink's task slots are threads of one JVM, so {@link #shared()} builds the CoreNLP
 * pipeline and each taxonomy/catalog pair once per JVM.
 */
public final class TextAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(TextAnalyzer.class);
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
        Annotation document = new Annotation(redacted);
        Pipeline.INSTANCE.annotate(document);
        List<List<CoreLabel>> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            sentences.add(tokens);
            tokens.forEach(token -> words.add(token.word()));
        }
        return new Analysis(redacted, words, sentences.size(), topics.topics(sentences),
                entities.entities(sentences));
    }

    /** The one tokenize+ssplit pipeline of the JVM, built when first needed (class holder idiom). */
    private static final class Pipeline {
        static final StanfordCoreNLP INSTANCE = build();

        private static StanfordCoreNLP build() {
            long start = System.nanoTime();
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit");
            props.setProperty("tokenize.language", "en");
            props.setProperty("tokenize.options", Tokenization.OPTIONS);
            StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
            LOG.info("CoreNLP tokenize/ssplit pipeline loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return pipeline;
        }
    }
}
