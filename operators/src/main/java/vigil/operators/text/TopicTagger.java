package vigil.operators.text;

import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.util.CoreMap;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Tags a text with problem topics (billing, outage, cancellation, ...) from a taxonomy kept as data:
 * a rules file of TokensRegex patterns, by default {@value #DEFAULT_TAXONOMY} on the classpath.
 * Rules match within one sentence; a word index ({@link RuleTriggers}) picks the few rules worth
 * running on each. Immutable and thread-safe.
 */
public final class TopicTagger {
    public static final String DEFAULT_TAXONOMY = "vigil/text/topics.rules";

    private final List<LabelledPatterns.Rule> rules;
    private final List<LabelledPatterns.Rule> vetoes;
    private final RuleTriggers triggers;

    private TopicTagger(List<LabelledPatterns.Rule> all) {
        this.rules = all.stream().filter(rule -> !rule.veto()).toList();
        this.vetoes = all.stream().filter(LabelledPatterns.Rule::veto).toList();
        this.triggers = new RuleTriggers(rules.stream().map(LabelledPatterns.Rule::pattern).toList());
    }

    /** The default taxonomy shipped with Vigil. */
    public static TopicTagger defaults() {
        return load(DEFAULT_TAXONOMY);
    }

    /** A taxonomy from the classpath, a file path or a URL. */
    public static TopicTagger load(String location) {
        return new TopicTagger(LabelledPatterns.read(location));
    }

    /** Every topic the taxonomy can produce, sorted. */
    public SortedSet<String> taxonomy() {
        SortedSet<String> names = new TreeSet<>();
        rules.forEach(rule -> names.add(rule.label()));
        return names;
    }

    /** The sorted distinct topics of a text, tokenized here as one sentence. */
    public List<String> topics(String text) {
        return topics(TokenLists.oneSentence(text == null ? "" : text));
    }

    /** The sorted distinct topics of a text already split into sentences of tokens. */
    public List<String> topics(List<? extends List<? extends CoreMap>> sentences) {
        SortedSet<String> found = new TreeSet<>();
        for (List<? extends CoreMap> sentence : sentences) {
            Set<String> here = new HashSet<>();
            BitSet candidates = triggers.candidates(sentence);
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                LabelledPatterns.Rule rule = rules.get(i);
                if (!here.contains(rule.label()) && matches(rule, sentence)) {
                    here.add(rule.label());
                }
            }
            // Vetoes only cost time for topics this sentence actually has.
            for (LabelledPatterns.Rule veto : vetoes) {
                if (here.contains(veto.label()) && matches(veto, sentence)) {
                    here.remove(veto.label());
                }
            }
            found.addAll(here);
        }
        return List.copyOf(found);
    }

    private static boolean matches(LabelledPatterns.Rule rule, List<? extends CoreMap> sentence) {
        TokenSequenceMatcher matcher = rule.pattern().matcher(sentence);
        return matcher.find();
    }
}
