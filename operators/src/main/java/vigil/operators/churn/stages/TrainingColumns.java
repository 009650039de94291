package vigil.operators.churn.stages;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableImpl;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import vigil.operators.churn.InputFeature;
import vigil.operators.churn.train.LabeledRows;
import vigil.operators.churn.train.TrainingSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the columns a stage fits on out of a bounded table, with a Flink job that collects them into
 * this JVM, as a {@link TrainingSet}: the stages' fitting is in-memory code (Flink ML's distributed
 * operators need flink-ml-iteration, which does not run on Flink 1.18). Fitting depends on row order
 * (floating-point sums, ties between tree splits), which a job keeps only at parallelism 1.
 */
public final class TrainingColumns {
    private TrainingColumns() {}

    /** The one input table of a stage. */
    public static Table single(Table... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("expects one table, got " + inputs.length);
        }
        return inputs[0];
    }

    /** The table environment a table belongs to. */
    public static StreamTableEnvironment environment(Table table) {
        return (StreamTableEnvironment) ((TableImpl) table).getTableEnvironment();
    }

    /** The positions of the named columns in the table. */
    public static int[] positions(Table table, String... columns) {
        List<String> names = table.getResolvedSchema().getColumnNames();
        int[] positions = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            positions[i] = names.indexOf(columns[i]);
            if (positions[i] < 0) {
                throw new IllegalArgumentException("no column '" + columns[i] + "'; the columns are " + names);
            }
        }
        return positions;
    }

    /** The named columns of every row, as text (null for null). */
    public static List<String[]> collect(Table table, String... columns) {
        List<String[]> cells = new ArrayList<>();
        try (CloseableIterator<String[]> it = environment(table).toDataStream(table)
                .map(new Cells(positions(table, columns)), TypeInformation.of(String[].class)).name("read columns")
                .executeAndCollect("vigil churn stage data")) {
            it.forEachRemaining(cells::add);
        } catch (Exception e) {
            throw new IllegalStateException("the job reading " + List.of(columns) + " failed", e);
        }
        return cells;
    }

    /** The input features of every row, with labels when {@code labelCol} is given (all false otherwise). */
    public static TrainingSet read(Table table, List<InputFeature> features, String labelCol, String positiveLabel) {
        String[] columns = new String[features.size() + (labelCol == null ? 0 : 1)];
        for (int f = 0; f < features.size(); f++) {
            columns[f] = features.get(f).name();
        }
        if (labelCol != null) {
            columns[features.size()] = labelCol;
        }
        List<String[]> cells = collect(table, columns);
        boolean[] positive = new boolean[cells.size()];
        for (int i = 0; labelCol != null && i < positive.length; i++) {
            positive[i] = LabeledRows.isPositive(cells.get(i)[features.size()], positiveLabel);
        }
        return TrainingSet.parse(features, cells, positive);
    }

    /** Picks columns of a row as text. */
    private static final class Cells implements MapFunction<Row, String[]> {
        private final int[] positions;

        Cells(int[] positions) {
            this.positions = positions;
        }

        @Override
        public String[] map(Row row) {
            String[] cells = new String[positions.length];
            for (int i = 0; i < cells.length; i++) {
                Object value = row.getField(positions[i]);
                cells[i] = value == null ? null : value.toString();
            }
            return cells;
        }
    }
}
