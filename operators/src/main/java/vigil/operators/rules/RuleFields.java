package vigil.operators.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Strict reading of one JSON object of a rule: every field checked, every unknown one an error. */
final class RuleFields {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final JsonNode node;
    private final String where;

    RuleFields(JsonNode node, String where) throws InvalidRuleException {
        if (node == null || !node.isObject()) {
            throw new InvalidRuleException(where + " must be a JSON object, got " + describe(node));
        }
        this.node = node;
        this.where = where;
    }

    static String checkId(String id, String what) throws InvalidRuleException {
        if (!ID.matcher(id).matches()) {
            throw new InvalidRuleException(what + " '" + id + "' must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }

    void allowOnly(Set<String> allowed) throws InvalidRuleException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidRuleException("unknown field '" + name + "' in " + where + "; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    String requiredText(String name) throws InvalidRuleException {
        JsonNode value = required(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw wrongType(name, "a non-empty string", value);
        }
        return value.asText().trim();
    }

    String optionalText(String name, String fallback) throws InvalidRuleException {
        return has(name) ? requiredText(name) : fallback;
    }

    boolean optionalBoolean(String name, boolean fallback) throws InvalidRuleException {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.asBoolean();
    }

    /** A number in [min, max]. */
    double number(String name, double min, double max) throws InvalidRuleException {
        JsonNode value = required(name);
        if (!value.isNumber()) {
            throw wrongType(name, "a number", value);
        }
        double d = value.asDouble();
        if (!(d >= min && d <= max)) {
            throw new InvalidRuleException("field '" + name + "' in " + where + " must be between " + plain(min)
                    + " and " + plain(max) + ", got " + value);
        }
        return d;
    }

    /** A whole number in [min, max]. */
    int integer(String name, int min, int max) throws InvalidRuleException {
        JsonNode value = required(name);
        if (!value.isIntegralNumber()) {
            throw wrongType(name, "a whole number", value);
        }
        long n = value.asLong();
        if (n < min || n > max) {
            throw new InvalidRuleException("field '" + name + "' in " + where + " must be between " + min + " and "
                    + max + ", got " + n);
        }
        return (int) n;
    }

    /** One of the enum's constants, written in any case. */
    <E extends Enum<E>> E choice(String name, Class<E> type) throws InvalidRuleException {
        String text = requiredText(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new InvalidRuleException("field '" + name + "' in " + where + " must be one of "
                + String.join(", ", names) + ", got \"" + text + "\"");
    }

    List<String> texts(String name, int max) throws InvalidRuleException {
        JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty()) {
            throw wrongType(name, "a non-empty array of strings", value);
        }
        if (value.size() > max) {
            throw new InvalidRuleException("field '" + name + "' in " + where + " has " + value.size()
                    + " entries; at most " + max + " are allowed");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new InvalidRuleException("field '" + name + "' in " + where
                        + " must hold non-empty strings, got " + describe(item));
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    RuleFields object(String name) throws InvalidRuleException {
        return new RuleFields(required(name), "'" + name + "'");
    }

    private JsonNode required(String name) throws InvalidRuleException {
        if (!has(name)) {
            throw new InvalidRuleException("missing field '" + name + "' in " + where);
        }
        return node.get(name);
    }

    private InvalidRuleException wrongType(String name, String expected, JsonNode value) {
        return new InvalidRuleException("field '" + name + "' in " + where + " must be " + expected + ", got "
                + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = value.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
