package vigil.operators.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vigil.schemas.Severity;

import java.io.IOException;
import java.util.Set;

/**
 * Reads a rule's JSON strictly: every field is checked, an unknown field or a bad value is an
 * {@link InvalidRuleException} whose message says which and why.
 * <pre>
 * {"id": "cancel-after-bad-call", "name": "...", "severity": "HIGH", "enabled": true,
 *  "when": {"type": "cancelPageAfterNegativeCall", "withinMinutes": 60}}
 * </pre>
 */
public final class RuleParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "severity", "enabled", "when");

    private final long retentionMs;

    /** @param retentionMs the rule state's retention: the longest window a rule may ask for */
    public RuleParser(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    public Rule parse(String json) throws InvalidRuleException {
        RuleFields rule = new RuleFields(tree(json), "the rule");
        rule.allowOnly(FIELDS);
        String id = RuleFields.checkId(rule.requiredText("id"), "rule id");
        String name = rule.optionalText("name", id);
        rule.optionalText("description", "");
        Severity severity = rule.has("severity") ? rule.choice("severity", Severity.class) : Severity.MEDIUM;
        boolean enabled = rule.optionalBoolean("enabled", true);
        try {
            return new Rule(id, name, severity, enabled, condition(rule.object("when")));
        } catch (InvalidRuleException e) {
            throw new InvalidRuleException("rule '" + id + "': " + e.getMessage());
        }
    }

    /** The rule's id if the JSON has a readable one, else null: for reporting a rejected rule. */
    public static String idOf(String json) {
        try {
            JsonNode id = JSON.readTree(json).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Condition condition(RuleFields when) throws InvalidRuleException {
        String type = when.requiredText("type");
        switch (type) {
            case PhraseCondition.TYPE:
                return PhraseCondition.from(when);
            case SentimentBelowCondition.TYPE:
                return SentimentBelowCondition.from(when);
            case ChurnRiskCondition.TYPE:
                return ChurnRiskCondition.from(when);
            case RepeatContactCondition.TYPE:
                return RepeatContactCondition.from(when, retentionMs);
            case CancelAfterNegativeCallCondition.TYPE:
                return CancelAfterNegativeCallCondition.from(when, retentionMs);
            default:
                throw new InvalidRuleException("unknown condition type '" + type + "'; known: "
                        + String.join(", ", PhraseCondition.TYPE, SentimentBelowCondition.TYPE, ChurnRiskCondition.TYPE,
                        RepeatContactCondition.TYPE, CancelAfterNegativeCallCondition.TYPE));
        }
    }

    private static JsonNode tree(String json) throws InvalidRuleException {
        if (json == null || json.isBlank()) {
            throw new InvalidRuleException("the rule is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRuleException("the rule is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
