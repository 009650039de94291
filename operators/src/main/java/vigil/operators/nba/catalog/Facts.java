package vigil.operators.nba.catalog;

import java.util.Map;
import java.util.Set;

/**
 * What is known of one customer at one moment, by name: numbers as {@link Double}, texts as
 * {@link String}, sets as {@code Set<String>}; a missing fact is absent (or null).
 */
public record Facts(Map<String, Object> values) {
    public Double number(String name) {
        Object v = values.get(name);
        return v instanceof Double ? (Double) v : null;
    }

    public String text(String name) {
        Object v = values.get(name);
        return v instanceof String ? (String) v : null;
    }

    @SuppressWarnings("unchecked")
    public Set<String> set(String name) {
        Object v = values.get(name);
        return v instanceof Set ? (Set<String>) v : Set.of();
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }
}
