package vigil.operators.nba;

import vigil.operators.features.FeatureSpec;
import vigil.operators.nba.catalog.FactType;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.CustomerScore;
import vigil.schemas.ScoreUpdate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Settings, a small catalog and score updates for the next-best-action tests. */
public final class NbaTesting {
    public static final long T0 = 1_780_000_000_000L;
    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;
    public static final Map<String, FactType> FACTS = NbaSettings.facts(FeatureSpec.loadDefault());

    /**
     * a: 0.5 x 10 = 5 (email); b: 0.5 x 8 = 4 (email, app; x2 when a problem is under a live alert);
     * c: only at churn risk >= 0.6, 0.1 x 20 = 2, x3 at >= 0.8; none: 0.5 x 1.
     */
    public static final String CATALOG = """
            {"version": "test-1", "actions": [
              {"id": "a", "name": "A", "channels": ["email"], "value": 10, "prior": {"accepted": 5, "rejected": 5},
               "policy": {"maxImpressions": 2}},
              {"id": "b", "name": "B", "channels": ["email", "app"], "value": 8, "prior": {"accepted": 5, "rejected": 5},
               "context": [{"when": {"fact": "problemsUnderAlert", "op": "nonEmpty"}, "weight": 2,
                            "reason": "incident on {problemsUnderAlert}"}]},
              {"id": "c", "name": "C", "channels": ["call"], "value": 20, "prior": {"accepted": 1, "rejected": 9},
               "eligibility": {"fact": "churnRisk", "op": ">=", "value": 0.6},
               "context": [{"when": {"fact": "churnRisk", "op": ">=", "value": 0.8}, "weight": 3, "reason": "risk {churnRisk}"}]},
              {"id": "none", "name": "Nothing", "channels": [], "value": 1, "prior": {"accepted": 1, "rejected": 1}}
            ]}
            """;

    private NbaTesting() {}

    public static NbaSettings settings(String catalog) {
        return new NbaSettings(catalog, FACTS, 3,
                new NbaSettings.PolicySettings(3, 1, 7 * DAY, 2 * DAY, Map.of("email", 2), 7 * DAY),
                new double[] {1, 4}, new NbaSettings.SegmentSettings(2, 0.9, 4, List.of("contacts.30d", "negative.30d"), 7),
                90 * DAY);
    }

    public static ScoreUpdate update(String customer, long time, double churnRisk, Map<String, Object> features) {
        CustomerScore score = CustomerScore.newBuilder().setCustomerId(customer).setUpdatedAt(time)
                .setChurnRisk(churnRisk).setChurnBand(churnRisk >= 0.6 ? "high" : "low").build();
        return ScoreUpdate.newBuilder().setCustomerId(customer).setScore(score).setFeatures(new HashMap<>(features))
                .setFeaturesAsOf(time).setEventTime(time).build();
    }

    public static ScoreUpdate update(String customer, long time, double churnRisk) {
        return update(customer, time, churnRisk, Map.of());
    }

    /** A reaction outcome: SHOWN, ACCEPTED or REJECTED. */
    public static ScoreUpdate reaction(String customer, long time, String reaction, String actionId, String channel) {
        return ScoreUpdate.newBuilder(update(customer, time, 0.5)).setOutcome("ACTION_" + reaction)
                .setActionId(actionId).setActionChannel(channel).build();
    }

    public static ScoreUpdate tombstone(String customer, long time) {
        return ScoreUpdate.newBuilder().setCustomerId(customer).setScore(null).setEventTime(time).build();
    }

    public static ControlMessage catalogMessage(String id, String payload) {
        return ControlMessage.newBuilder().setId(id).setTimestamp(T0).setType(ControlType.CATALOG_REPLACE)
                .setPayload(payload).setIssuedBy("test").build();
    }
}
