package vigil.operators.sentiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageParserTest {
    private static ParsedMessage parse(String text) {
        return MessageParser.parse(text, 4);
    }

    @Test
    void marksWordsAfterANegatorUntilTheClauseEnds() {
        assertThat(parse("This is not good at all. Great though").terms())
                .containsExactly("this", "is", "not", "NEG_good", "NEG_at", "NEG_all", "|", "great", "though");
    }

    @Test
    void splitContractionsNegateToo() {
        assertThat(parse("I don't like it, never again").terms())
                .containsExactly("i", "do", "not", "NEG_like", "NEG_it", "|", "never", "NEG_again");
        assertThat(parse("nobody helps").terms()).containsExactly("nobody", "NEG_helps");
        assertThat(parse("it no longer works").terms()).containsExactly("it", "no", "longer", "NEG_works");
    }

    @Test
    void negationStopsAtButAndAfterItsWindow() {
        assertThat(parse("not cheap but tasty").terms()).containsExactly("not", "NEG_cheap", "but", "tasty");
        assertThat(MessageParser.parse("no a b c d", 2).terms()).containsExactly("no", "NEG_a", "NEG_b", "c", "d");
    }

    @Test
    void markupAndPunctuationBreakClausesNumbersAreOneTerm() {
        assertThat(parse("Tasty<br /><br />Cost $5.99 only").terms())
                .containsExactly("tasty", "|", "cost", "<num>", "only");
    }

    @Test
    void countsCues() {
        ParsedMessage m = parse("WOW this is sooo goood!!! :) 😡 why?");
        assertThat(m.terms()).contains("soo", "good");
        double[] cues = m.cues();
        assertThat(cues[MessageCues.EXCLAMATIONS]).isEqualTo(3);
        assertThat(cues[MessageCues.QUESTIONS]).isEqualTo(1);
        assertThat(cues[MessageCues.POSITIVE_EMOTICONS]).isEqualTo(1);
        assertThat(cues[MessageCues.NEGATIVE_EMOTICONS]).isEqualTo(1);
        assertThat(cues[MessageCues.ELONGATED]).isEqualTo(2);
        assertThat(cues[MessageCues.ALL_CAPS]).isEqualTo(1);
    }

    @Test
    void emptyAndNullTextsHaveNoTerms() {
        assertThat(parse("").terms()).isEmpty();
        assertThat(MessageCues.fromText(null)).containsOnly(0.0);
    }
}
