package vigil.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads rule documents from a file (one rule, or a JSON array of rules) or a directory (every
 * {@code *.json} in it, by name). Whether each rule is valid is the rule parser's decision.
 */
public final class RuleFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFiles() {}

    /** The rule JSON documents under {@code location}; none for a null or empty location. */
    public static List<String> read(String location) {
        if (location == null || location.isBlank()) {
            return List.of();
        }
        Path path = Path.of(location);
        try {
            List<String> rules = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        rules.addAll(documents(file));
                    }
                }
            } else {
                rules.addAll(documents(path));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules from " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<String> documents(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(rule -> out.add(rule.toString()));
        } else {
            out.add(text.trim());
        }
        return out;
    }
}
