package vigil.operators.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which churn features are computed from customer state, as data: a YAML file (by default
 * {@value #DEFAULT_SPEC} on the classpath) declaring each feature's name, kind and source, the
 * click signals (page patterns, event types, error codes) and the repeat-contact interval. The
 * format is described at the top of the default file and in the README. Loading checks every
 * source, so a spec that loads can be computed.
 */
public final class FeatureSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_SPEC = "vigil/churn/features.yaml";
    private static final long DAY_MS = 86_400_000L;
    private static final double DEFAULT_REPEAT_DAYS = 14;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One feature: its name in ScoreUpdate.features, how it is read, and where it comes from. */
    public record Feature(String name, FeatureKind kind, String source) implements Serializable {}

    private final List<Feature> features;
    private final Map<String, ClickSignal> clickSignals;
    private final long repeatWithinMs;
    private final Set<String> repeatTopics;

    /** @param repeatTopics topics whose repeat contacts count; empty for every topic */
    public FeatureSpec(List<Feature> features, List<ClickSignal> clickSignals, long repeatWithinMs,
            Set<String> repeatTopics) {
        this.features = List.copyOf(features);
        this.clickSignals = new LinkedHashMap<>();
        clickSignals.forEach(s -> this.clickSignals.put(s.name(), s));
        this.repeatWithinMs = repeatWithinMs;
        this.repeatTopics = Set.copyOf(repeatTopics);
        Set<String> names = new HashSet<>();
        for (Feature f : features) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("feature '" + f.name() + "' is declared twice");
            }
            try {
                FeatureSources.compile(f.source(), f.kind(), this, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature '" + f.name() + "': " + e.getMessage(), e);
            }
        }
    }

    public static FeatureSpec loadDefault() {
        return load(DEFAULT_SPEC);
    }

    /** Reads a spec from a file path or, when no such file exists, from the classpath. */
    public static FeatureSpec load(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file), location);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            try (InputStream in = FeatureSpec.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no feature spec at " + location
                            + ": neither a file nor a classpath resource");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature spec " + location, e);
        }
    }

    /** Parses a spec; {@code origin} names it in error messages. */
    public static FeatureSpec parse(String yaml, String origin) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("expected a mapping with 'features'");
            }
            onlyKeys(root, "spec", "features", "clickSignals", "repeatContacts");
            JsonNode repeat = root.path("repeatContacts");
            onlyKeys(repeat, "repeatContacts", "withinDays", "topics");
            JsonNode within = repeat.path("withinDays");
            double withinDays = within.isMissingNode() ? DEFAULT_REPEAT_DAYS : within.asDouble(-1);
            if (!within.isMissingNode() && !within.isNumber() || withinDays <= 0) {
                throw new IllegalArgumentException("repeatContacts.withinDays must be positive");
            }
            return new FeatureSpec(features(root.path("features")), clickSignals(root.path("clickSignals")),
                    Math.round(withinDays * DAY_MS), new LinkedHashSet<>(strings(repeat.path("topics"))));
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    public List<Feature> features() {
        return features;
    }

    /**
     * A 64-bit fingerprint of the features (name, kind, source, in order) and the repeat-contact
     * settings: state derived from the features (the churn label join's history) records it, so a
     * changed spec is noticed on restore. Click signals' rules are not part of it.
     */
    public long fingerprint() {
        StringBuilder text = new StringBuilder();
        for (Feature f : features) {
            text.append(f.name()).append('\t').append(f.kind()).append('\t').append(f.source()).append('\n');
        }
        text.append(repeatWithinMs).append('\t').append(new TreeSet<>(repeatTopics));
        long h = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    public Map<String, ClickSignal> clickSignals() {
        return Collections.unmodifiableMap(clickSignals);
    }

    /** A contact about a topic raised in another contact at most this long before is a repeat contact. */
    public long repeatWithinMs() {
        return repeatWithinMs;
    }

    /** Whether a contact about this topic can be a repeat contact. */
    public boolean repeatCounts(String topic) {
        return repeatTopics.isEmpty() || repeatTopics.contains(topic);
    }

    /** The signals the customer state must count for these features (see SignalCounter). */
    public Set<String> signals() {
        Set<String> signals = new LinkedHashSet<>();
        features.forEach(f -> FeatureSources.signal(f.source()).ifPresent(signals::add));
        return signals;
    }

    private static List<Feature> features(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("'features' must be a non-empty list");
        }
        List<Feature> features = new ArrayList<>();
        for (JsonNode node : list) {
            String name = node.path("name").asText("");
            String where = name.isEmpty() ? "feature #" + (features.size() + 1) : "feature '" + name + "'";
            if (name.isEmpty() || !node.path("kind").isTextual() || !node.path("source").isTextual()) {
                throw new IllegalArgumentException(where + ": needs name, kind and source");
            }
            onlyKeys(node, where, "name", "kind", "source");
            try {
                features.add(new Feature(name, FeatureKind.parse(node.get("kind").asText()),
                        node.get("source").asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return features;
    }

    private static List<ClickSignal> clickSignals(JsonNode map) {
        List<ClickSignal> signals = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "click signal '" + entry.getKey() + "'";
            if (!entry.getValue().isArray()) {
                throw new IllegalArgumentException(where + ": expected a list of rules");
            }
            List<ClickSignal.Rule> rules = new ArrayList<>();
            for (JsonNode rule : entry.getValue()) {
                onlyKeys(rule, where, "pages", "types", "errorCodes");
                rules.add(new ClickSignal.Rule(patterns(rule.path("pages"), where),
                        new LinkedHashSet<>(strings(rule.path("types"))), codes(rule.path("errorCodes"), where)));
            }
            signals.add(new ClickSignal(entry.getKey(), rules));
        }
        return signals;
    }

    private static List<Pattern> patterns(JsonNode list, String where) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : strings(list)) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": bad page pattern " + regex + ": " + e.getDescription());
            }
        }
        return patterns;
    }

    /** Error codes as numbers (402) or inclusive ranges ("500-599"). */
    private static List<int[]> codes(JsonNode list, String where) {
        List<int[]> ranges = new ArrayList<>();
        for (String code : strings(list)) {
            String[] bounds = code.split("-", 2);
            try {
                int from = Integer.parseInt(bounds[0].strip());
                ranges.add(new int[] {from, bounds.length == 1 ? from : Integer.parseInt(bounds[1].strip())});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": bad error code '" + code + "' (a number or from-to)");
            }
        }
        return ranges;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("expected a list, got " + list);
        }
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void onlyKeys(JsonNode node, String where, String... allowed) {
        if (!node.isObject()) {
            if (node.isMissingNode() || node.isNull()) {
                return;
            }
            throw new IllegalArgumentException(where + ": expected a mapping, got " + node);
        }
        List<String> known = List.of(allowed);
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected " + known + ")");
            }
        });
    }
}
