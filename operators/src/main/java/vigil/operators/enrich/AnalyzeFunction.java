package vigil.operators.enrich;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.sentiment.SentimentScorer;
import vigil.operators.text.Analysis;
import vigil.operators.text.DeepSentiment;
import vigil.operators.text.TextAnalyzer;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Understands each message as it arrives: redacts personal data before anything else sees the text,
 * tags problem topics and catalog entities, and scores sentiment on the path configured for its
 * channel. The CoreNLP pipelines and models are shared per JVM, so each task slot loads them once.
 */
public class AnalyzeFunction extends RichMapFunction<CustomerEvent, CustomerEvent> {
    private static final int LATENCY_SAMPLES = 1000;

    private final AnalysisSettings settings;

    private transient TextAnalyzer analyzer;
    private transient SentimentScorer fast;
    private transient SentimentScorer deep;
    private transient Counter analyzed;
    private transient Histogram latencyMicros;

    public AnalyzeFunction(AnalysisSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        analyzer = TextAnalyzer.shared(settings.taxonomy(), settings.catalog());
        fast = settings.sentimentModel() == null || settings.sentimentModel().isBlank()
                ? FastSentiment.shared() : FastSentiment.load(Path.of(settings.sentimentModel()));
        deep = settings.usesDeepPath() ? DeepSentiment.shared() : null;
        analyzed = getRuntimeContext().getMetricGroup().counter("textsAnalyzed");
        latencyMicros = getRuntimeContext().getMetricGroup()
                .histogram("analysisLatencyMicros", new DescriptiveStatisticsHistogram(LATENCY_SAMPLES));
    }

    @Override
    public CustomerEvent map(CustomerEvent event) {
        if (!(event.getPayload() instanceof Interaction)) {
            return event;
        }
        Interaction interaction = (Interaction) event.getPayload();
        String text = interaction.getText();
        if (text == null || text.isBlank()) {
            return event;
        }
        long start = System.nanoTime();
        Analysis analysis = analyzer.analyze(text);
        SentimentScorer scorer = settings.path(interaction.getChannel()) == SentimentPath.DEEP ? deep : fast;
        interaction.setText(analysis.redactedText());
        interaction.setTopics(new ArrayList<>(analysis.topics()));
        interaction.setEntities(new ArrayList<>(analysis.entities()));
        interaction.setSentiment(scorer.score(analysis.redactedText(), analysis.tokens()));
        latencyMicros.update((System.nanoTime() - start) / 1000);
        analyzed.inc();
        return event;
    }
}
