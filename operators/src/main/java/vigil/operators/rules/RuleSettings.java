package vigil.operators.rules;

import java.io.Serializable;
import java.util.List;

/**
 * Settings of the customer rules (README: Runtime rules).
 *
 * @param coolDownMs            after a rule alerts for a customer, it stays silent for them this long (event time)
 * @param retentionMs           per-customer rule state is dropped this long (event time) after the customer's
 *                              latest event; also the longest window a rule may ask for
 * @param conversationTimeoutMs a call or chat without an event for this long is forgotten (no ENDED came)
 * @param cancelPages           regular expressions on the whole page path of a cancel-page visit
 * @param initialRules          rule JSON documents in force from the start, until changed on cx.control
 */
public record RuleSettings(long coolDownMs, long retentionMs, long conversationTimeoutMs, List<String> cancelPages,
                           List<String> initialRules) implements Serializable {
    public static final List<String> DEFAULT_CANCEL_PAGES = List.of(".*/(cancel|cancellation|downgrade)[^/]*(/.*)?");

    public RuleSettings {
        cancelPages = List.copyOf(cancelPages);
        initialRules = List.copyOf(initialRules);
    }
}
