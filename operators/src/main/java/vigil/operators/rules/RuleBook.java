package vigil.operators.rules;

import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import vigil.schemas.RuleEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * The rules in force on one subtask: the configured initial rules, overridden by what arrived on
 * cx.control and lives in broadcast state (an upsert, a pause, a deletion). Parsed rules are cached by
 * their JSON, and the active list is recomputed only after a control message changed the state.
 */
final class RuleBook {
    private final RuleParser parser;
    /** Initial rules as entries of version 1, by id. */
    private final Map<String, RuleEntry> initial = new LinkedHashMap<>();
    private final Map<String, Rule> parsed = new HashMap<>();
    private List<Rule> active;
    private Set<MemoryNeed> needs;

    /** @throws IllegalArgumentException when an initial rule is invalid, so the job does not start with it */
    RuleBook(RuleParser parser, List<String> initialRules) {
        this.parser = parser;
        for (String json : initialRules) {
            try {
                Rule rule = parse(json);
                if (initial.containsKey(rule.id())) {
                    throw new IllegalArgumentException("initial rule '" + rule.id() + "' is defined twice");
                }
                initial.put(rule.id(), RuleEntry.newBuilder().setRuleId(rule.id()).setDefinition(json).setVersion(1)
                        .setEnabled(rule.enabled()).build());
            } catch (InvalidRuleException e) {
                throw new IllegalArgumentException("invalid initial rule: " + e.getMessage(), e);
            }
        }
    }

    Rule parse(String json) throws InvalidRuleException {
        Rule rule = parsed.get(json);
        if (rule == null) {
            rule = parser.parse(json);
            parsed.put(json, rule);
        }
        return rule;
    }

    /** The rule state changed: recompute on the next read. */
    void invalidate() {
        active = null;
        parsed.clear();
    }

    /** The rule's entry as in force (broadcast state first, then the initial rules); null if never known. */
    RuleEntry current(String ruleId, ReadOnlyBroadcastState<String, RuleEntry> state) throws Exception {
        RuleEntry entry = state.get(ruleId);
        return entry != null ? entry : initial.get(ruleId);
    }

    /** Enabled rules, ordered by id. */
    List<Rule> active(ReadOnlyBroadcastState<String, RuleEntry> state) throws Exception {
        if (active == null) {
            Map<String, RuleEntry> effective = new HashMap<>(initial);
            for (Entry<String, RuleEntry> e : state.immutableEntries()) {
                effective.put(e.getKey(), e.getValue());
            }
            List<Rule> rules = new ArrayList<>();
            Set<MemoryNeed> wanted = EnumSet.noneOf(MemoryNeed.class);
            for (RuleEntry entry : effective.values()) {
                if (entry.getEnabled() && entry.getDefinition() != null) {
                    Rule rule = parse(entry.getDefinition()); // accepted once, so it parses
                    rules.add(rule);
                    wanted.addAll(rule.condition().needs());
                }
            }
            rules.sort(Comparator.comparing(Rule::id));
            active = List.copyOf(rules);
            needs = wanted;
        }
        return active;
    }

    /** What the active rules need remembered; valid after {@link #active}. */
    Set<MemoryNeed> needs() {
        return needs;
    }

    /** Active rules as last computed, for the gauge (-1 before the first computation). */
    int activeCount() {
        List<Rule> rules = active;
        return rules == null ? -1 : rules.size();
    }
}
