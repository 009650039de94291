package vigil.operators.enrich;

import org.junit.jupiter.api.Test;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.text.Analysis;
import vigil.operators.text.TextAnalyzer;
import vigil.operators.text.Tokenization;
import vigil.schemas.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer's CoreNLP pipeline (tokenize, ssplit) yields the same words as {@link Tokenization}, so
 * the fast sentiment path scores a text from the analyzer's words exactly as it scores the text itself.
 */
class OneTokenizationTest {
    private static final String[] TEXTS = {
        "I can't log in since yesterday!!! This is sooo annoying :(",
        "my bill is wrong again, charged twice ($49.99) -- fix it. Now.",
        "Don't cancel my plan... I just want the \"premium\" add-on, not the basic one.",
        "Thanks a lot!<br />Great service, really. 10/10 would recommend :-)",
        "call me at [PHONE] or mail [EMAIL]; card [CARD] was declined",
        "Parcel #A-1234 never arrived. Where is it?? I've waited 2 weeks & nobody answers",
        "the app crashes on iOS 17.2 when I open https://example.com/account/billing",
        "NO SIGNAL for 3 days. Not happy. Won't pay for this.",
        "ok", "", "   ", "😡😡😡 worst experience ever 😡",
    };

    @Test
    void theAnalyzersWordsAreTokenizationsWordsAndScoreTheSame() {
        TextAnalyzer analyzer = TextAnalyzer.shared();
        FastSentiment fast = FastSentiment.shared();
        for (String text : TEXTS) {
            Analysis analysis = analyzer.analyze(text);
            String redacted = analysis.redactedText();
            assertThat(analysis.tokens()).as(text).isEqualTo(Tokenization.words(redacted));
            Sentiment once = fast.score(redacted, analysis.tokens());
            Sentiment twice = fast.score(redacted);
            assertThat(once.getLabel()).as(text).isEqualTo(twice.getLabel());
            assertThat(once.getScore()).as(text).isEqualTo(twice.getScore());
        }
    }
}
