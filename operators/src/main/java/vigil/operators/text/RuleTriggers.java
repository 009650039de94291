package vigil.operators.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.ComplexNodePattern;
import edu.stanford.nlp.ling.tokensregex.CoreMapNodePattern;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Says which patterns of a list can possibly match a sentence, so that only those run. Running
 * every TokensRegex rule on every sentence costs ~0.3 ms a message; most rules start with a word
 * that must be there (/charged|billed/ ...), and a hash lookup per token finds the few that apply.
 * A pattern with no such word (it starts with alternatives or a wildcard) is always tried.
 */
final class RuleTriggers {
    /** A regex that is only a list of plain words: a|b|c (letters, digits, ', - and _). */
    private static final Pattern WORD_LIST = Pattern.compile("[\\p{L}\\p{N}'_-]+(?:\\|[\\p{L}\\p{N}'_-]+)*");

    private final BitSet always = new BitSet();
    private final Map<String, BitSet> byWord = new HashMap<>();

    RuleTriggers(List<TokenSequencePattern> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            Set<String> trigger = smallestRequiredWordSet(patterns.get(i));
            if (trigger == null) {
                always.set(i);
            } else {
                for (String word : trigger) {
                    byWord.computeIfAbsent(word, w -> new BitSet()).set(i);
                }
            }
        }
    }

    /** Indexes of the patterns that may match the sentence. */
    BitSet candidates(List<? extends CoreMap> sentence) {
        BitSet result = (BitSet) always.clone();
        for (CoreMap token : sentence) {
            String word = token.get(CoreAnnotations.TextAnnotation.class);
            BitSet hit = word == null ? null : byWord.get(word.toLowerCase(Locale.ROOT));
            if (hit != null) {
                result.or(hit);
            }
        }
        return result;
    }

    /**
     * The words of the required (not optional, before any branch) word nodes of the pattern; of
     * those, the smallest set, as the likeliest to be absent. Null if there is none.
     */
    private static Set<String> smallestRequiredWordSet(TokenSequencePattern pattern) {
        Collection<Set<String>> sets = pattern.findNodePatterns(RuleTriggers::words, false, false);
        Set<String> best = null;
        for (Set<String> set : sets) {
            if (best == null || set.size() < best.size()) {
                best = set;
            }
        }
        return best;
    }

    /** The words a node accepts if it is a plain word or word list on the token text, else null. */
    private static Set<String> words(NodePattern<CoreMap> node) {
        if (!(node instanceof CoreMapNodePattern)) {
            return null;
        }
        List<Pair<Class, NodePattern>> parts = ((CoreMapNodePattern) node).getAnnotationPatterns();
        if (parts.size() != 1 || !CoreAnnotations.TextAnnotation.class.equals(parts.get(0).first())) {
            return null;
        }
        NodePattern test = parts.get(0).second();
        List<String> words = new ArrayList<>();
        if (test instanceof ComplexNodePattern.StringAnnotationRegexPattern) {
            String regex = ((ComplexNodePattern.StringAnnotationRegexPattern) test).getPattern().pattern();
            if (!WORD_LIST.matcher(regex).matches()) {
                return null;
            }
            words.addAll(Arrays.asList(regex.split("\\|")));
        } else if (test instanceof ComplexNodePattern.StringAnnotationPattern) {
            words.add(((ComplexNodePattern.StringAnnotationPattern) test).getString());
        } else {
            return null;
        }
        Set<String> lower = new HashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
