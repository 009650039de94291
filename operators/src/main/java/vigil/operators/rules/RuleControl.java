package vigil.operators.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;

import java.util.Iterator;

/**
 * The rule protocol on cx.control: RULE_UPSERT carries a rule's JSON as its payload; RULE_PAUSE and
 * RULE_DELETE name the rule, either as the bare payload ({@code cancel-after-bad-call}) or as
 * {@code {"ruleId": "...", "paused": true|false}} (RULE_PAUSE; {@code paused} defaults to true, false resumes)
 * and {@code {"ruleId": "..."}} (RULE_DELETE).
 */
public final class RuleControl {
    /** Customer-less key of rule messages after decoding: one key for all of them. */
    public static final String KEY = "rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleControl() {}

    public static boolean isRuleMessage(ControlMessage message) {
        ControlType type = message.getType();
        return type == ControlType.RULE_UPSERT || type == ControlType.RULE_PAUSE || type == ControlType.RULE_DELETE;
    }

    /** What a RULE_PAUSE or RULE_DELETE message asks for. */
    record Target(String ruleId, boolean paused) {}

    static Target target(ControlMessage message) throws InvalidRuleException {
        String payload = message.getPayload() == null ? "" : message.getPayload().trim();
        if (payload.isEmpty()) {
            throw new InvalidRuleException("the payload must name the rule: its id, or {\"ruleId\": \"...\"}");
        }
        if (!payload.startsWith("{")) {
            return new Target(RuleFields.checkId(payload, "rule id"), true);
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRuleException("the payload is not valid JSON: " + e.getOriginalMessage());
        }
        boolean pause = message.getType() == ControlType.RULE_PAUSE;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("ruleId") && !(pause && name.equals("paused"))) {
                throw new InvalidRuleException("unknown field '" + name + "' in the " + message.getType()
                        + " payload; allowed: ruleId" + (pause ? ", paused" : ""));
            }
        }
        RuleFields fields = new RuleFields(node, message.getType().name() + " payload");
        String id = RuleFields.checkId(fields.requiredText("ruleId"), "ruleId");
        return new Target(id, fields.optionalBoolean("paused", true));
    }
}
