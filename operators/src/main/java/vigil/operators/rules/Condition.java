package vigil.operators.rules;

import java.util.Set;

/**
 * A rule's condition, evaluated per customer on each input it applies to, before the input is folded
 * into the customer's memory (so it sees the state as it was). It may keep its own per-conversation
 * state in the memory (phrase hits, sentiment runs) under its rule's id.
 */
interface Condition {
    /** What the customer memory must keep for this condition. */
    Set<MemoryNeed> needs();

    /** True when the input is one this condition looks at (counted as an evaluation). */
    boolean appliesTo(RuleContext context);

    /** A match with its reason and evidence, or null. */
    Match evaluate(String ruleId, RuleContext context);

    /** A short readable form, e.g. "phrase said by CUSTOMER: 'cancel my contract'". */
    String describe();
}
