package vigil.operators.text;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MultiPatternMatcher;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the products and plans of a catalog kept as data (by default {@value #DEFAULT_CATALOG} on
 * the classpath; format at its top) and reports them as {@code kind:Name}, e.g. {@code plan:Fiber 500}.
 * Each alias becomes a TokensRegex word sequence; CoreNLP's multi-pattern matcher picks the longest
 * non-overlapping matches. Immutable and thread-safe.
 */
public final class EntityTagger {
    public static final String DEFAULT_CATALOG = "vigil/text/catalog.txt";

    private final MultiPatternMatcher<CoreMap> matcher;
    private final Map<SequencePattern<CoreMap>, String> entityOf;

    private EntityTagger(Map<SequencePattern<CoreMap>, String> entityOf) {
        this.entityOf = entityOf;
        List<TokenSequencePattern> patterns = new ArrayList<>();
        entityOf.keySet().forEach(p -> patterns.add((TokenSequencePattern) p));
        this.matcher = TokenSequencePattern.getMultiPatternMatcher(patterns);
    }

    /** The default catalog shipped with Vigil. */
    public static EntityTagger defaults() {
        return load(DEFAULT_CATALOG);
    }

    /** A catalog from the classpath, a file path or a URL. */
    public static EntityTagger load(String location) {
        Env env = LabelledPatterns.caseInsensitiveEnv();
        Map<SequencePattern<CoreMap>, String> entityOf = new IdentityHashMap<>();
        try (BufferedReader reader = IOUtils.readerFromString(location)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException(location + ":" + number + ": expected 'kind: Name'");
                }
                String kind = entry.substring(0, colon).strip();
                String rest = entry.substring(colon + 1);
                int equals = rest.indexOf('=');
                String name = (equals < 0 ? rest : rest.substring(0, equals)).strip();
                String aliases = equals < 0 ? name : rest.substring(equals + 1);
                for (String alias : aliases.split("\\|")) {
                    if (!alias.isBlank()) {
                        entityOf.put(TokenSequencePattern.compile(env, wordSequence(alias)), kind + ":" + name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        return new EntityTagger(entityOf);
    }

    /** The sorted distinct entities of a text, tokenized here as one sentence. */
    public List<String> entities(String text) {
        return entities(TokenLists.oneSentence(text == null ? "" : text));
    }

    /** The sorted distinct entities of a text already split into sentences of tokens. */
    public List<String> entities(List<? extends List<? extends CoreMap>> sentences) {
        SortedSet<String> found = new TreeSet<>();
        for (List<? extends CoreMap> sentence : sentences) {
            for (SequenceMatchResult<CoreMap> match : matcher.findNonOverlapping(sentence)) {
                found.add(entityOf.get(match.pattern()));
            }
        }
        return List.copyOf(found);
    }

    /** An alias as a TokensRegex sequence of exact words, split the way texts are split. */
    private static String wordSequence(String alias) {
        StringBuilder pattern = new StringBuilder();
        for (String word : Tokenization.words(alias.strip())) {
            String quoted = word.replace("\\", "\\\\").replace("\"", "\\\"");
            pattern.append(pattern.length() == 0 ? "" : " ").append('"').append(quoted).append('"');
        }
        return pattern.toString();
    }
}
