package vigil.operators.nba.catalog;

import java.io.Serializable;
import java.util.List;

/** A validated action catalog: its version and its actions, in catalog order. */
public record Catalog(String version, List<Action> actions) implements Serializable {
    /** The longest contact-policy window or cool-down an action overrides, 0 for none. */
    public long longestOverrideMs() {
        long longest = 0;
        for (Action a : actions) {
            if (a.policy().windowMs() != null) {
                longest = Math.max(longest, a.policy().windowMs());
            }
            if (a.policy().coolDownMs() != null) {
                longest = Math.max(longest, a.policy().coolDownMs());
            }
        }
        return longest;
    }
}
