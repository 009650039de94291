package vigil.jobs.training;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labeled texts from a CSV file with a header row (RFC 4180 quoting, UTF-8). */
public final class LabeledCsv {
    private LabeledCsv() {}

    public static List<LabeledText> read(Path file, String textCol, String labelCol) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (String column : new String[] {textCol, labelCol}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(file + " has no column '" + column + "'; its columns are "
                            + parser.getHeaderNames());
                }
            }
            List<LabeledText> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LabeledText(record.get(textCol), record.get(labelCol)));
            }
            return rows;
        }
    }

    /** Whether each row's label is the positive one. */
    public static boolean[] positives(List<LabeledText> rows, String positiveLabel) {
        boolean[] positive = new boolean[rows.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = positiveLabel.equals(rows.get(i).label());
        }
        return positive;
    }

    public static List<String> texts(List<LabeledText> rows) {
        List<String> texts = new ArrayList<>(rows.size());
        rows.forEach(r -> texts.add(r.text()));
        return texts;
    }
}
