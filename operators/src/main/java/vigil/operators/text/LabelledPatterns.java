package vigil.operators.text;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a rules file of labelled CoreNLP TokensRegex patterns (the format is described at the top
 * of {@code vigil/text/topics.rules}): {@code $NAME = pattern} macros, {@code label pattern} rules
 * and {@code !label pattern} vetoes. Words match case-insensitively, since customers type as they like.
 */
final class LabelledPatterns {
    /** One compiled rule; a veto removes its label instead of adding it. */
    record Rule(String label, boolean veto, TokenSequencePattern pattern) {}

    private LabelledPatterns() {}

    /** A TokensRegex environment whose /regex/ and "string" word matches ignore case. */
    static Env caseInsensitiveEnv() {
        Env env = TokenSequencePattern.getNewEnv();
        env.setDefaultStringPatternFlags(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        env.setDefaultStringMatchFlags(NodePattern.CASE_INSENSITIVE | NodePattern.UNICODE_CASE);
        return env;
    }

    /** Reads rules from the classpath, a file path or a URL (CoreNLP's lookup order). */
    static List<Rule> read(String location) {
        Env env = caseInsensitiveEnv();
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader reader = IOUtils.readerFromString(location)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                try {
                    parse(entry, env, rules);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(location + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        return rules;
    }

    private static void parse(String entry, Env env, List<Rule> rules) {
        int equals = entry.indexOf('=');
        if (entry.startsWith("$") && equals > 0) {
            String name = entry.substring(0, equals).strip();
            String body = entry.substring(equals + 1).strip();
            TokenSequencePattern.compile(env, body); // fail here, on the line that defines it
            env.bind(name, body);
            return;
        }
        String[] parts = entry.split("\\s+", 2);
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected 'label pattern', got: " + entry);
        }
        boolean veto = parts[0].startsWith("!");
        String label = veto ? parts[0].substring(1) : parts[0];
        rules.add(new Rule(label, veto, TokenSequencePattern.compile(env, parts[1])));
    }
}
