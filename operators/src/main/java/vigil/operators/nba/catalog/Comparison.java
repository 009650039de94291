package vigil.operators.nba.catalog;

import java.util.Collections;
import java.util.Set;

/**
 * One comparison over a named fact. Numbers: {@code < <= > >= == !=}; texts: {@code == != in notIn};
 * sets: {@code contains} (a text), {@code intersects} (a list), {@code empty}, {@code nonEmpty}; any
 * fact: {@code exists}, {@code missing}. A missing fact fails every comparison but {@code missing}
 * (and {@code empty} for sets).
 */
public record Comparison(String fact, FactType type, String op, double number, String text, Set<String> texts)
        implements Condition {

    @Override
    public boolean test(Facts facts) {
        if (op.equals("exists")) {
            return facts.has(fact);
        }
        if (op.equals("missing")) {
            return !facts.has(fact);
        }
        switch (type) {
            case NUMBER:
                Double v = facts.number(fact);
                return v != null && compare(v);
            case TEXT:
                String t = facts.text(fact);
                return t != null && textMatches(t);
            default:
                return setMatches(facts.set(fact));
        }
    }

    private boolean compare(double v) {
        switch (op) {
            case "<": return v < number;
            case "<=": return v <= number;
            case ">": return v > number;
            case ">=": return v >= number;
            case "==": return v == number;
            default: return v != number;
        }
    }

    private boolean textMatches(String t) {
        switch (op) {
            case "==": return t.equals(text);
            case "!=": return !t.equals(text);
            case "in": return texts.contains(t);
            default: return !texts.contains(t);
        }
    }

    private boolean setMatches(Set<String> s) {
        switch (op) {
            case "contains": return s.contains(text);
            case "intersects": return !Collections.disjoint(s, texts);
            case "empty": return s.isEmpty();
            default: return !s.isEmpty();
        }
    }
}
