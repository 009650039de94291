package vigil.operators.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vigil.schemas.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleParserTest {
    private static final RuleParser PARSER = new RuleParser(30 * 86_400_000L);

    @Test
    void readsEveryConditionType() throws Exception {
        String[] whens = {
                "{\"type\":\"phrase\",\"phrases\":[\"cancel my contract\"],\"said\":true,\"by\":\"CUSTOMER\",\"window\":{\"first\":30}}",
                "{\"type\":\"phrase\",\"phrases\":[\"anything else\"],\"said\":false,\"by\":\"agent\",\"window\":{\"last\":60},\"channels\":[\"CALL\",\"CHAT\"]}",
                "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":3}",
                "{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forSeconds\":60,\"channels\":[\"CHAT\"]}",
                "{\"type\":\"churnRiskAbove\",\"threshold\":0.6,\"valueTier\":\"HIGH\"}",
                "{\"type\":\"repeatContact\",\"topic\":\"billing\",\"withinDays\":7}",
                "{\"type\":\"cancelPageAfterNegativeCall\",\"withinMinutes\":60}"};
        for (String when : whens) {
            Rule rule = PARSER.parse(RuleInputsForTests.rule("r", when));
            assertThat(rule.id()).isEqualTo("r");
            assertThat(rule.severity()).isEqualTo(Severity.HIGH);
            assertThat(rule.enabled()).isTrue();
        }
        Rule defaults = PARSER.parse("{\"id\":\"d\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5}}");
        assertThat(defaults.name()).isEqualTo("d");
        assertThat(defaults.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(defaults.summary()).isEqualTo("d (MEDIUM): churnRiskAbove 0.50");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"r\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5},\"colour\":1} | unknown field 'colour' in the rule",
            "{\"id\":\"r\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5,\"tier\":\"HIGH\"}} | unknown field 'tier' in 'when'",
            "{\"id\":\"r\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":1.5}} | 'threshold' in 'when' must be between 0 and 1, got 1.5",
            "{\"id\":\"r\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":\"high\"}} | 'threshold' in 'when' must be a number, got string \"high\"",
            "{\"id\":\"r\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5,\"valueTier\":\"GOLD\"}} | must be one of LOW, MEDIUM, HIGH, VIP, got \"GOLD\"",
            "{\"id\":\"r\",\"severity\":\"URGENT\",\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5}} | 'severity' in the rule must be one of LOW, MEDIUM, HIGH, CRITICAL",
            "{\"id\":\"r\"} | missing field 'when' in the rule",
            "{\"when\":{\"type\":\"churnRiskAbove\",\"threshold\":0.5}} | missing field 'id'",
            "{\"id\":\"a b\",\"when\":{}} | rule id 'a b' must be 1-64 letters",
            "{\"id\":\"r\",\"when\":{\"type\":\"moonPhase\"}} | unknown condition type 'moonPhase'; known: phrase,",
            "{\"id\":\"r\",\"when\":{\"type\":\"phrase\",\"phrases\":[]}} | 'phrases' in 'when' must be a non-empty array of strings",
            "{\"id\":\"r\",\"when\":{\"type\":\"phrase\",\"phrases\":[\"x\"],\"window\":{\"first\":10,\"last\":10}}} | exactly one of 'first' or 'last'",
            "{\"id\":\"r\",\"when\":{\"type\":\"phrase\",\"phrases\":[\"x\"],\"by\":\"BOT\"}} | 'by' in 'when' must be one of CUSTOMER, AGENT, EITHER",
            "{\"id\":\"r\",\"when\":{\"type\":\"phrase\",\"phrases\":[\"x\"],\"channels\":[\"SOCIAL\"]}} | channel \"SOCIAL\" is not allowed here",
            "{\"id\":\"r\",\"when\":{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":3,\"forSeconds\":5}} | exactly one of 'forTurns' or 'forSeconds'",
            "{\"id\":\"r\",\"when\":{\"type\":\"sentimentBelow\",\"threshold\":-0.4,\"forTurns\":2.5}} | 'forTurns' in 'when' must be a whole number",
            "{\"id\":\"r\",\"when\":{\"type\":\"repeatContact\",\"topic\":\"billing\",\"withinDays\":45}} | retention of 30 days",
            "{\"id\":\"r\",\"when\":{\"type\":\"cancelPageAfterNegativeCall\",\"withinMinutes\":0}} | 'withinMinutes' in 'when' must be between 1 and",
            "{\"id\":\"r\",\"when\":{\"type\":\"cancelPageAfterNegativeCall\",\"withinMinutes\":5} | the rule is not valid JSON",
            "[1] | the rule must be a JSON object, got array"})
    void rejectsBadRulesWithAClearReason(String json, String reason) {
        assertThatThrownBy(() -> PARSER.parse(json)).isInstanceOf(InvalidRuleException.class).hasMessageContaining(reason);
    }

    @Test
    void phrasesMatchWholeWordsWhateverTheCaseAndPunctuation() {
        var phrases = java.util.List.of(Phrases.normalize("Cancel my contract"));
        assertThat(Phrases.find("I want to CANCEL my  contract, now!", phrases)).isZero();
        assertThat(Phrases.find("cancel my contracts", phrases)).isEqualTo(-1);
        assertThat(Phrases.find(null, phrases)).isEqualTo(-1);
    }
}
