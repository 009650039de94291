package vigil.operators.nba.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * A condition of the catalog's condition language, checked against a customer's {@link Facts}: all,
 * any, not, and comparisons over named facts ({@link Comparison}). Parsed and validated by
 * {@link ConditionParser}; nothing else can run.
 */
public sealed interface Condition extends Serializable permits Condition.All, Condition.Any, Condition.Not, Comparison {
    Condition ALWAYS = new All(List.of());

    boolean test(Facts facts);

    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Facts facts) {
            for (Condition c : conditions) {
                if (!c.test(facts)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Facts facts) {
            for (Condition c : conditions) {
                if (c.test(facts)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return !condition.test(facts);
        }
    }
}
