package vigil.jobs.history;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vigil.jobs.config.VigilConfig;
import vigil.operators.features.FeatureSpec;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnHistoryTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void oneLabeledRowOfSpecFeaturesPerOutcome(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("history.csv");
        VigilConfig config = new VigilConfig();
        config.churn.learner.enabled = false;
        long rows = ChurnHistory.build(new ChurnHistory.Settings(200, 6_000, 3, 5, 1), config, csv);

        List<String> expected = new ArrayList<>();
        FeatureSpec.loadDefault().features().forEach(f -> expected.add(f.name()));
        expected.add("churn");
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(expected);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize((int) rows).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("churn")).isIn("Yes", "No"));
            assertThat(records).anySatisfy(r -> assertThat(r.get("contacts.30d")).isNotBlank());
        }
    }
}
