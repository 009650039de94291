package vigil.jobs.training.churn;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.ml.common.datastream.TableUtils;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import vigil.operators.churn.train.LabeledRows;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a labeled profile CSV (header row, RFC 4180 quoting, UTF-8); a blank cell is a missing value (null). */
public final class ChurnCsv {
    private ChurnCsv() {}

    public static LabeledRows read(Path file, String labelCol) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<String> columns = parser.getHeaderNames();
            if (!columns.contains(labelCol)) {
                throw new IllegalArgumentException(file + " has no column '" + labelCol + "'; its columns are " + columns);
            }
            List<String[]> cells = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] row = new String[columns.size()];
                for (int c = 0; c < row.length && c < record.size(); c++) {
                    String cell = record.get(c).trim();
                    row[c] = cell.isEmpty() ? null : cell;
                }
                cells.add(row);
            }
            return new LabeledRows(columns, cells);
        }
    }

    /** The rows as a table of string columns named like the CSV's header, as {@code ChurnTrainer.fit(Table)} takes it. */
    public static Table table(StreamTableEnvironment tEnv, LabeledRows rows) {
        List<Row> values = new ArrayList<>(rows.size());
        for (String[] cells : rows.cells()) {
            values.add(Row.of((Object[]) cells.clone()));
        }
        TypeInformation<?>[] types = new TypeInformation<?>[rows.columns().size()];
        java.util.Arrays.fill(types, Types.STRING);
        TypeInformation<Row> type = Types.ROW_NAMED(rows.columns().toArray(String[]::new), types);
        return tEnv.fromDataStream(TableUtils.getExecutionEnvironment(tEnv).fromCollection(values, type));
    }
}
