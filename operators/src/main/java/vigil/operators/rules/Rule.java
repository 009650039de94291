package vigil.operators.rules;

import vigil.schemas.Severity;

/** One runtime rule as accepted: who it is, how loud it is, and the condition it watches for. */
public final class Rule {
    private final String id;
    private final String name;
    private final Severity severity;
    private final boolean enabled;
    private final Condition condition;

    Rule(String id, String name, Severity severity, boolean enabled, Condition condition) {
        this.id = id;
        this.name = name;
        this.severity = severity;
        this.enabled = enabled;
        this.condition = condition;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Severity severity() {
        return severity;
    }

    /** As written in the rule; RULE_PAUSE changes the rule's state in the job, not this. */
    public boolean enabled() {
        return enabled;
    }

    Condition condition() {
        return condition;
    }

    /** e.g. "cancel-after-bad-call (HIGH): cancelPageAfterNegativeCall" */
    public String summary() {
        return id + " (" + severity + "): " + condition.describe();
    }
}
