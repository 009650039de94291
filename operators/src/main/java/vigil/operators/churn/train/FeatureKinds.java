package vigil.operators.churn.train;

import vigil.operators.churn.InputFeature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each column of the training data is: numeric when every non-blank cell is a number
 * or a missing-value marker ({@code NA}, {@code N/A}, {@code NaN}, {@code null}, {@code ?}, as R and
 * spreadsheet exports write them; such cells are then missing), categorical otherwise. Left out: the label, columns with no values or a single value, and id-like
 * columns (text whose values are all distinct, such as a customer id), which cannot generalize.
 *
 * @param features the input features, in column order
 * @param columns each feature's column index in the rows
 * @param ignored the columns left out, with the reason
 */
public record FeatureKinds(List<InputFeature> features, int[] columns, Map<String, String> ignored) {
    /** Fewer non-blank values than this and an all-distinct text column is still taken as categorical. */
    private static final int ID_MIN_ROWS = 20;
    private static final Set<String> MISSING_MARKERS = Set.of("na", "n/a", "nan", "null", "?");

    public static FeatureKinds infer(LabeledRows rows, String labelCol) {
        int label = rows.column(labelCol);
        List<InputFeature> features = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        Map<String, String> ignored = new LinkedHashMap<>();
        for (int c = 0; c < rows.columns().size(); c++) {
            if (c == label) {
                continue;
            }
            String name = rows.columns().get(c);
            Set<String> distinct = new HashSet<>();
            int present = 0;
            boolean numeric = true;
            for (String[] row : rows.cells()) {
                String cell = row[c] == null ? "" : row[c].trim();
                if (cell.isEmpty()) {
                    continue;
                }
                boolean marker = MISSING_MARKERS.contains(cell.toLowerCase(java.util.Locale.ROOT));
                numeric &= marker || isNumber(cell);
                if (!marker) {
                    present++;
                    distinct.add(cell);
                }
            }
            if (present == 0) {
                ignored.put(name, "no values");
            } else if (distinct.size() == 1) {
                ignored.put(name, "a single value");
            } else if (!numeric && distinct.size() == present && present >= ID_MIN_ROWS) {
                ignored.put(name, "id-like: all " + present + " values distinct");
            } else {
                features.add(new InputFeature(name, numeric ? InputFeature.Kind.NUMERIC : InputFeature.Kind.CATEGORICAL));
                columns.add(c);
            }
        }
        return new FeatureKinds(features, columns.stream().mapToInt(Integer::intValue).toArray(), ignored);
    }

    /** The rows' cells of the input features only, indexed like {@link #features}. */
    public List<String[]> project(LabeledRows rows) {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (String[] row : rows.cells()) {
            String[] picked = new String[columns.length];
            for (int f = 0; f < columns.length; f++) {
                picked[f] = row[columns[f]];
            }
            cells.add(picked);
        }
        return cells;
    }

    private static boolean isNumber(String cell) {
        try {
            double x = Double.parseDouble(cell);
            return !Double.isNaN(x) && !Double.isInfinite(x);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
