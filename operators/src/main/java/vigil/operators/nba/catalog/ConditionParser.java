package vigil.operators.nba.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON condition and checks it against the facts that exist: {@code {"all": [...]}},
 * {@code {"any": [...]}}, {@code {"not": {...}}} or {@code {"fact": NAME, "op": OP, "value": V}}.
 * An unknown fact, an operator its type does not have, or a value of the wrong type is rejected
 * with the path of the node.
 */
public final class ConditionParser {
    private static final Set<String> ANY_OPS = Set.of("exists", "missing");
    private static final Map<FactType, Set<String>> OPS = Map.of(
            FactType.NUMBER, Set.of("<", "<=", ">", ">=", "==", "!="),
            FactType.TEXT, Set.of("==", "!=", "in", "notIn"),
            FactType.SET, Set.of("contains", "intersects", "empty", "nonEmpty"));
    private static final Set<String> NO_VALUE = Set.of("exists", "missing", "empty", "nonEmpty");

    private final Map<String, FactType> known;

    public ConditionParser(Map<String, FactType> known) {
        this.known = known;
    }

    /** A missing node (null) is a condition that always holds. */
    public Condition parse(JsonNode node, String path) throws InvalidCatalogException {
        if (node == null || node.isNull()) {
            return Condition.ALWAYS;
        }
        if (!node.isObject()) {
            throw new InvalidCatalogException(path + ": a condition must be an object, got " + node);
        }
        if (node.has("all") || node.has("any") || node.has("not")) {
            if (node.size() != 1) {
                throw new InvalidCatalogException(path + ": all, any and not stand alone in their object, got fields "
                        + fieldNames(node));
            }
            String name = node.fieldNames().next();
            JsonNode inner = node.get(name);
            if (name.equals("not")) {
                return new Condition.Not(parse(inner, path + ".not"));
            }
            if (!inner.isArray() || inner.isEmpty()) {
                throw new InvalidCatalogException(path + "." + name + ": must be a non-empty list of conditions");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < inner.size(); i++) {
                parts.add(parse(inner.get(i), path + "." + name + "[" + i + "]"));
            }
            return name.equals("all") ? new Condition.All(List.copyOf(parts)) : new Condition.Any(List.copyOf(parts));
        }
        return comparison(node, path);
    }

    private Comparison comparison(JsonNode node, String path) throws InvalidCatalogException {
        for (String field : fieldNames(node)) {
            if (!Set.of("fact", "op", "value").contains(field)) {
                throw new InvalidCatalogException(path + ": unknown field '" + field
                        + "'; a condition is all, any, not, or {fact, op, value}");
            }
        }
        JsonNode factNode = node.get("fact");
        if (factNode == null || !factNode.isTextual()) {
            throw new InvalidCatalogException(path + ".fact: required, the name of a fact");
        }
        String fact = factNode.asText();
        FactType type = known.get(fact);
        if (type == null) {
            throw new InvalidCatalogException(path + ".fact: unknown fact '" + fact + "'; known: "
                    + new TreeSet<>(known.keySet()));
        }
        JsonNode opNode = node.get("op");
        String op = opNode == null ? null : opNode.asText();
        if (op == null || !(ANY_OPS.contains(op) || OPS.get(type).contains(op))) {
            throw new InvalidCatalogException(path + ".op: '" + op + "' is not an operator of " + fact + " ("
                    + type.name().toLowerCase() + "); allowed: " + new TreeSet<>(OPS.get(type)) + " and exists, missing");
        }
        JsonNode value = node.get("value");
        String valuePath = path + ".value";
        if (NO_VALUE.contains(op)) {
            if (value != null) {
                throw new InvalidCatalogException(valuePath + ": " + op + " takes no value");
            }
            return new Comparison(fact, type, op, 0, null, Set.of());
        }
        if (value == null) {
            throw new InvalidCatalogException(valuePath + ": required for " + op);
        }
        if (type == FactType.NUMBER) {
            if (!value.isNumber()) {
                throw new InvalidCatalogException(valuePath + ": " + fact + " is a number, got " + value);
            }
            return new Comparison(fact, type, op, value.asDouble(), null, Set.of());
        }
        if (op.equals("in") || op.equals("notIn") || op.equals("intersects")) {
            return new Comparison(fact, type, op, 0, null, texts(value, valuePath, fact));
        }
        if (!value.isTextual()) {
            throw new InvalidCatalogException(valuePath + ": " + op + " on " + fact + " needs a text, got " + value);
        }
        return new Comparison(fact, type, op, 0, value.asText(), Set.of());
    }

    private static Set<String> texts(JsonNode value, String path, String fact) throws InvalidCatalogException {
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidCatalogException(path + ": a non-empty list of texts for " + fact + ", got " + value);
        }
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidCatalogException(path + "[" + i + "]: a text, got " + value.get(i));
            }
            texts.add(value.get(i).asText());
        }
        return Set.copyOf(texts);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
