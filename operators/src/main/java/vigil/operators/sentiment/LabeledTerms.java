package vigil.operators.sentiment;

import java.util.Arrays;
import java.util.Comparator;

/** A parsed training text and its label; a Flink POJO so it can travel through a training job. */
public class LabeledTerms {
    /** A fixed order, so training does not depend on the order the job's subtasks deliver rows in. */
    public static final Comparator<LabeledTerms> CANONICAL = Comparator
            .comparing((LabeledTerms t) -> String.join(" ", t.terms))
            .thenComparing(t -> Arrays.toString(t.cues))
            .thenComparing(t -> t.positive);

    public boolean positive;
    public String[] terms;
    public double[] cues;

    public LabeledTerms() {}

    public LabeledTerms(ParsedMessage message, boolean positive) {
        this.positive = positive;
        this.terms = message.terms().toArray(new String[0]);
        this.cues = message.cues();
    }

    public ParsedMessage message() {
        return new ParsedMessage(Arrays.asList(terms), cues);
    }
}
