package vigil.operators.nba.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates an action catalog (JSON): {@code {"version": "...", "actions": [ ... ]}}. Every
 * problem is reported with the path of the offending node; nothing of an invalid catalog is used.
 */
public final class CatalogParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(d|h|m|s)");
    private static final Set<String> TOP = Set.of("version", "description", "actions");
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "channels", "eligibility",
            "applicability", "suitability", "value", "lever", "validFrom", "validTo", "acceptLabel", "rejectLabel",
            "prior", "context", "policy");

    private final Map<String, FactType> facts;
    private final ConditionParser conditions;

    public CatalogParser(Map<String, FactType> facts) {
        this.facts = facts;
        this.conditions = new ConditionParser(facts);
    }

    public Catalog parse(String json) throws InvalidCatalogException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException("the catalog is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCatalogException("the catalog must be a JSON object with version and actions");
        }
        allowOnly(root, TOP, "catalog");
        String version = requiredText(root, "version", "catalog");
        JsonNode actions = root.get("actions");
        if (actions == null || !actions.isArray() || actions.isEmpty()) {
            throw new InvalidCatalogException("actions: a non-empty list of actions is required");
        }
        List<Action> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Action action = action(actions.get(i), "actions[" + i + "]");
            if (!ids.add(action.id())) {
                throw new InvalidCatalogException("actions[" + i + "].id: duplicate action id '" + action.id() + "'");
            }
            parsed.add(action);
        }
        return new Catalog(version, List.copyOf(parsed));
    }

    private Action action(JsonNode node, String path) throws InvalidCatalogException {
        if (!node.isObject()) {
            throw new InvalidCatalogException(path + ": an action must be an object");
        }
        allowOnly(node, FIELDS, path);
        String id = requiredText(node, "id", path);
        if (!ID.matcher(id).matches()) {
            throw new InvalidCatalogException(path + ".id: '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        long from = instant(node.get("validFrom"), path + ".validFrom", Long.MIN_VALUE);
        long to = instant(node.get("validTo"), path + ".validTo", Long.MAX_VALUE);
        if (from >= to) {
            throw new InvalidCatalogException(path + ".validTo: must be after validFrom");
        }
        return new Action(id, requiredText(node, "name", path), optionalText(node, "description"),
                channels(node.get("channels"), path + ".channels"),
                conditions.parse(node.get("eligibility"), path + ".eligibility"),
                conditions.parse(node.get("applicability"), path + ".applicability"),
                conditions.parse(node.get("suitability"), path + ".suitability"),
                number(node, "value", path, 1.0, 0.0), number(node, "lever", path, 1.0, Double.MIN_VALUE), from, to,
                optionalText(node, "acceptLabel"), optionalText(node, "rejectLabel"),
                prior(node.get("prior"), path + ".prior"), context(node.get("context"), path + ".context"),
                policy(node.get("policy"), path + ".policy"));
    }

    private static List<String> channels(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidCatalogException(path + ": a list of channel names");
        }
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                throw new InvalidCatalogException(path + "[" + i + "]: a channel name, got " + node.get(i));
            }
            channels.add(node.get(i).asText());
        }
        return List.copyOf(channels);
    }

    private static Action.Prior prior(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null) {
            return null;
        }
        allowOnly(node, Set.of("accepted", "rejected"), path);
        double accepted = number(node, "accepted", path, -1, 0);
        double rejected = number(node, "rejected", path, -1, 0);
        if (accepted + rejected <= 0) {
            throw new InvalidCatalogException(path + ": accepted + rejected pseudo-counts must be above 0");
        }
        return new Action.Prior(accepted, rejected);
    }

    private List<Action.ContextWeight> context(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidCatalogException(path + ": a list of {when, weight, reason}");
        }
        List<Action.ContextWeight> weights = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode w = node.get(i);
            allowOnly(w, Set.of("when", "weight", "reason"), at);
            if (w.get("when") == null) {
                throw new InvalidCatalogException(at + ".when: required, a condition");
            }
            String reason = requiredText(w, "reason", at);
            Matcher m = PLACEHOLDER.matcher(reason);
            while (m.find()) {
                if (!facts.containsKey(m.group(1))) {
                    throw new InvalidCatalogException(at + ".reason: unknown fact '{" + m.group(1) + "}'");
                }
            }
            weights.add(new Action.ContextWeight(conditions.parse(w.get("when"), at + ".when"),
                    number(w, "weight", at, -1, Double.MIN_VALUE), reason));
        }
        return List.copyOf(weights);
    }

    private static Action.ActionPolicy policy(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null) {
            return Action.ActionPolicy.NONE;
        }
        allowOnly(node, Set.of("maxImpressions", "maxRejections", "window", "coolDown"), path);
        return new Action.ActionPolicy(count(node, "maxImpressions", path), count(node, "maxRejections", path),
                duration(node.get("window"), path + ".window"), duration(node.get("coolDown"), path + ".coolDown"));
    }

    private static Integer count(JsonNode node, String field, String path) throws InvalidCatalogException {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isInt() || v.asInt() < 1) {
            throw new InvalidCatalogException(path + "." + field + ": a whole number of at least 1, got " + v);
        }
        return v.asInt();
    }

    /** ISO-8601 ({@code P14D}, {@code PT12H}) or short ({@code 14d}, {@code 12h}, {@code 30m}, {@code 10s}). */
    public static Long duration(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null) {
            return null;
        }
        String text = node.asText().trim();
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "d": return Duration.ofDays(n).toMillis();
                case "h": return Duration.ofHours(n).toMillis();
                case "m": return Duration.ofMinutes(n).toMillis();
                default: return Duration.ofSeconds(n).toMillis();
            }
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw new InvalidCatalogException(path + ": must not be negative");
            }
            return d.toMillis();
        } catch (DateTimeParseException e) {
            throw new InvalidCatalogException(path + ": '" + text + "' is not a duration (14d, 12h, P14D)");
        }
    }

    private static long instant(JsonNode node, String path, long absent) throws InvalidCatalogException {
        if (node == null || node.isNull()) {
            return absent;
        }
        try {
            return Instant.parse(node.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidCatalogException(path + ": '" + node.asText() + "' is not an ISO-8601 instant (2026-12-01T00:00:00Z)");
        }
    }

    private static double number(JsonNode node, String field, String path, double absent, double min)
            throws InvalidCatalogException {
        JsonNode v = node.get(field);
        if (v == null && absent >= 0) {
            return absent;
        }
        if (v == null || !v.isNumber() || v.asDouble() < min || !Double.isFinite(v.asDouble())) {
            throw new InvalidCatalogException(path + "." + field + ": a number" + (min > 0 ? " above 0" : " of at least 0")
                    + ", got " + v);
        }
        return v.asDouble();
    }

    private static String requiredText(JsonNode node, String field, String path) throws InvalidCatalogException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidCatalogException(path + "." + field + ": required, a non-empty text");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void allowOnly(JsonNode node, Set<String> allowed, String path) throws InvalidCatalogException {
        if (!node.isObject()) {
            throw new InvalidCatalogException(path + ": must be an object");
        }
        for (String name : ConditionParser.fieldNames(node)) {
            if (!allowed.contains(name)) {
                throw new InvalidCatalogException(path + ": unknown field '" + name + "'; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
