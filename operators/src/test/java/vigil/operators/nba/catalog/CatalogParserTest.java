package vigil.operators.nba.catalog;

import org.junit.jupiter.api.Test;
import vigil.operators.nba.NbaTesting;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogParserTest {
    private final CatalogParser parser = new CatalogParser(NbaTesting.FACTS);

    @Test
    void theShippedCatalogHasTheNineActions() throws Exception {
        Catalog catalog = parser.parse(CatalogSource.read(CatalogSource.DEFAULT_CATALOG));
        assertThat(catalog.version()).isEqualTo("default-1");
        assertThat(catalog.actions()).extracting(Action::id).containsExactly("retention-offer", "supervisor-callback",
                "apology-credit", "outage-notice", "plan-right-size", "premium-upsell", "satisfaction-survey",
                "self-service-guide", "no-action");
        Action retention = catalog.actions().get(0);
        assertThat(retention.channels()).containsExactly("call", "email");
        assertThat(retention.policy().coolDownMs()).isEqualTo(30 * NbaTesting.DAY);
        assertThat(retention.prior()).isEqualTo(new Action.Prior(3, 7));
    }

    @Test
    void conditionsTestNumbersTextsAndSets() throws Exception {
        Catalog catalog = parser.parse("""
                {"version": "v", "actions": [{"id": "x", "name": "X",
                  "eligibility": {"all": [{"fact": "churnRisk", "op": ">=", "value": 0.6},
                                          {"fact": "tenureMonths", "op": ">=", "value": 12},
                                          {"not": {"fact": "contract", "op": "in", "value": ["two-year"]}},
                                          {"any": [{"fact": "openProblems", "op": "contains", "value": "billing"},
                                                   {"fact": "liveAlerts", "op": "intersects", "value": ["outage"]}]}]}}]}
                """);
        Condition c = catalog.actions().get(0).eligibility();
        assertThat(c.test(facts(0.7, 24.0, "one-year", Set.of("billing"), Set.of()))).isTrue();
        assertThat(c.test(facts(0.7, 24.0, "one-year", Set.of(), Set.of("outage")))).isTrue();
        assertThat(c.test(facts(0.5, 24.0, "one-year", Set.of("billing"), Set.of()))).as("risk").isFalse();
        assertThat(c.test(facts(0.7, 6.0, "one-year", Set.of("billing"), Set.of()))).as("tenure").isFalse();
        assertThat(c.test(facts(0.7, 24.0, "two-year", Set.of("billing"), Set.of()))).as("contract").isFalse();
        assertThat(c.test(facts(0.7, null, "one-year", Set.of("billing"), Set.of()))).as("missing tenure").isFalse();
        assertThat(c.test(facts(0.7, 24.0, "one-year", Set.of("login"), Set.of("billing")))).as("sets").isFalse();
    }

    @Test
    void anInvalidCatalogIsRejectedWithThePathOfTheOffendingNode() {
        assertRejected(one("\"eligibility\": {\"fact\": \"tenur\", \"op\": \">=\", \"value\": 12}"),
                "actions[0].eligibility.fact: unknown fact 'tenur'");
        assertRejected(one("\"eligibility\": {\"all\": [{\"fact\": \"contract\", \"op\": \">=\", \"value\": 1}]}"),
                "actions[0].eligibility.all[0].op: '>=' is not an operator of contract (text)");
        assertRejected(one("\"suitability\": {\"fact\": \"churnRisk\", \"op\": \">=\", \"value\": \"high\"}"),
                "actions[0].suitability.value: churnRisk is a number, got \"high\"");
        assertRejected(one("\"applicability\": {\"fact\": \"churnRisk\", \"op\": \"~\", \"value\": 1}"),
                "actions[0].applicability.op: '~' is not an operator of churnRisk (number)");
        assertRejected(one("\"applicability\": {\"fact\": \"liveAlerts\", \"op\": \"intersects\", \"value\": \"outage\"}"),
                "actions[0].applicability.value: a non-empty list of texts for liveAlerts");
        assertRejected(one("\"context\": [{\"when\": {\"fact\": \"churnRisk\", \"op\": \"exists\"}, \"weight\": 2, \"reason\": \"{risk}\"}]"),
                "actions[0].context[0].reason: unknown fact '{risk}'");
        assertRejected(one("\"lever\": 0"), "actions[0].lever: a number above 0, got 0");
        assertRejected(one("\"script\": \"Runtime.exec\""), "actions[0]: unknown field 'script'");
        assertRejected(one("\"policy\": {\"window\": \"fortnight\"}"), "actions[0].policy.window: 'fortnight' is not a duration");
        assertRejected(one("\"validFrom\": \"2026-12-01T00:00:00Z\", \"validTo\": \"2026-11-01T00:00:00Z\""),
                "actions[0].validTo: must be after validFrom");
        assertRejected("{\"version\": \"v\", \"actions\": [{\"id\": \"x\", \"name\": \"X\"}, {\"id\": \"x\", \"name\": \"Y\"}]}",
                "actions[1].id: duplicate action id 'x'");
        assertRejected("{\"version\": \"v\", \"actions\": []}", "actions: a non-empty list of actions is required");
        assertRejected("{\"actions\": [", "the catalog is not valid JSON");
    }

    private static String one(String fields) {
        return "{\"version\": \"v\", \"actions\": [{\"id\": \"x\", \"name\": \"X\", " + fields + "}]}";
    }

    private void assertRejected(String json, String message) {
        assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining(message);
    }

    private static Facts facts(Double risk, Double tenure, String contract, Set<String> problems, Set<String> alerts) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("churnRisk", risk);
        values.put("tenureMonths", tenure);
        values.put("contract", contract);
        values.put("openProblems", problems);
        values.put("liveAlerts", alerts);
        return new Facts(values);
    }

}
