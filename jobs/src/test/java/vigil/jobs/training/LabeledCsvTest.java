package vigil.jobs.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabeledCsvTest {
    @Test
    void readsQuotedFieldsByColumnName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reviews.csv");
        Files.writeString(file, "\"product\",\"review\",\"score\"\n"
                + "\"p1\",\"Great, \"\"really\"\" great\nsecond line\",\"great\"\n"
                + "\"p2\",\"meh\",\"other\"\n");
        List<LabeledText> rows = LabeledCsv.read(file, "review", "score");
        assertThat(rows).containsExactly(new LabeledText("Great, \"really\" great\nsecond line", "great"),
                new LabeledText("meh", "other"));
        assertThat(LabeledCsv.positives(rows, "great")).containsExactly(true, false);
    }

    @Test
    void namesTheColumnsWhenOneIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reviews.csv");
        Files.writeString(file, "text,label\nhello,yes\n");
        assertThatThrownBy(() -> LabeledCsv.read(file, "review", "label"))
                .hasMessageContaining("no column 'review'").hasMessageContaining("[text, label]");
    }

    @Test
    void readsTheSharedTrainingFile() throws Exception {
        List<LabeledText> rows = LabeledCsv.read(SharedData.file("fine-foods-reviews-train.csv"), "review", "score");
        assertThat(rows).hasSize(4000);
        assertThat(rows).extracting(LabeledText::label).containsOnly("great", "other");
    }
}
