package vigil.operators.churn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Training rows as read: column names and, per row, one text cell per column (null or blank when
 * missing). The label is one of the columns.
 */
public record LabeledRows(List<String> columns, List<String[]> cells) {
    public LabeledRows {
        columns = List.copyOf(columns);
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columns);
        }
        return index;
    }

    public int size() {
        return cells.size();
    }

    /** The rows at the given positions, in that order. */
    public LabeledRows subset(int[] rows) {
        List<String[]> picked = new ArrayList<>(rows.length);
        for (int i : rows) {
            picked.add(cells.get(i));
        }
        return new LabeledRows(columns, picked);
    }

    /** Whether each row's label cell equals the positive label (surrounding blanks ignored). */
    public boolean[] labels(String labelCol, String positiveLabel) {
        int c = column(labelCol);
        boolean[] positive = new boolean[cells.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = isPositive(cells.get(i)[c], positiveLabel);
        }
        return positive;
    }

    /** Whether a label cell equals the positive label, surrounding blanks ignored. */
    public static boolean isPositive(String label, String positiveLabel) {
        return label != null && label.trim().equals(positiveLabel);
    }
}
