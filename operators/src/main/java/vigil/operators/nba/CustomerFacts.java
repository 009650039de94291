package vigil.operators.nba;

import vigil.operators.nba.catalog.Facts;
import vigil.schemas.CustomerScore;
import vigil.schemas.ScoreUpdate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of one customer update that catalog conditions test: the update's features, its churn
 * risk and band, the segment, the open problem topics (a feature {@code complaints.<topic>} of at least
 * {@value #OPEN_PROBLEM}), the topics of the open spike alerts, and the open problems under alert.
 */
final class CustomerFacts {
    static final String COMPLAINTS = "complaints.";
    static final double OPEN_PROBLEM = 0.5;

    private CustomerFacts() {}

    static Facts of(ScoreUpdate update, Integer segment, Set<String> liveAlerts) {
        Map<String, Object> values = new HashMap<>(update.getFeatures());
        Set<String> problems = new TreeSet<>();
        update.getFeatures().forEach((name, value) -> {
            if (name.startsWith(COMPLAINTS) && value instanceof Double && (Double) value >= OPEN_PROBLEM) {
                problems.add(name.substring(COMPLAINTS.length()));
            }
        });
        CustomerScore score = update.getScore();
        values.put("churnRisk", score.getChurnRisk());
        values.put("churnBand", score.getChurnBand());
        values.put("segment", segment == null ? null : segment.doubleValue());
        values.put("openProblems", problems);
        values.put("liveAlerts", new TreeSet<>(liveAlerts));
        Set<String> underAlert = new TreeSet<>(problems);
        underAlert.retainAll(liveAlerts);
        values.put("problemsUnderAlert", underAlert);
        return new Facts(values);
    }
}
