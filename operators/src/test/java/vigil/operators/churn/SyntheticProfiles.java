package vigil.operators.churn;

import vigil.operators.churn.train.LabeledRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up customer profiles with a known churn rule: month-to-month contracts, short tenure and
 * four or more service calls raise churn; region is noise; customer_id is an id.
 */
public final class SyntheticProfiles {
    public static final List<String> COLUMNS = List.of("customer_id", "tenure", "contract", "service_calls", "region", "churn");

    private SyntheticProfiles() {}

    public static LabeledRows generate(int n, long seed) {
        Random random = new Random(seed);
        String[] contracts = {"Month-to-month", "One year", "Two year"};
        String[] regions = {"north", "south", "east", "west"};
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int tenure = random.nextInt(73);
            String contract = contracts[random.nextInt(3)];
            int calls = Math.min(9, (int) Math.round(-Math.log(1 - random.nextDouble()) * 1.8));
            double logit = -1.5 + (contract.equals("Month-to-month") ? 1.8 : 0) - 0.04 * tenure + (calls >= 4 ? 2.5 : 0);
            boolean churn = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            String tenureCell = i % 50 == 7 ? "" : Integer.toString(tenure);
            cells.add(new String[] {String.format(Locale.ROOT, "C%05d", i), tenureCell, contract, Integer.toString(calls),
                    regions[random.nextInt(4)], churn ? "Yes" : "No"});
        }
        return new LabeledRows(COLUMNS, cells);
    }
}
