package vigil.jobs.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LabeledMessagesTest {
    @Test
    void sameSeedSameMessagesEveryPolarityPresent() throws Exception {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        LabeledMessages.write(a, 300, 11);
        LabeledMessages.write(b, 300, 11);
        assertThat(a.toString()).isEqualTo(b.toString());

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(a.toString())).getRecords();
        assertThat(rows).hasSize(300).allSatisfy(r -> assertThat(r.get("text")).isNotBlank());
        Map<String, Long> byLabel = rows.stream().collect(Collectors.groupingBy(r -> r.get("sentiment"), Collectors.counting()));
        assertThat(byLabel).containsOnlyKeys("negative", "neutral", "positive");
        assertThat(rows).filteredOn(r -> r.get("topic").equals("praise"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("sentiment")).isEqualTo("positive"));
    }
}
