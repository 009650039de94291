package vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' input: short customer messages from the (synthetic) traffic generator, the same every run. */
final class ShortMessages {
    private ShortMessages() {}

    static List<String> first(int count) {
        ObjectMapper json = new ObjectMapper();
        TrafficGenerator generator = new TrafficGenerator(GeneratorSettings.builder().seed(2026).malformedFraction(0)
                .build());
        List<String> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            GeneratedRecord record = generator.next();
            if (record.stream() == StreamId.CLICKS || record.stream() == StreamId.PROFILES
                    || record.stream() == StreamId.OUTCOMES) {
                continue;
            }
            try {
                JsonNode text = json.readTree(record.value()).get("text");
                if (text != null && text.isTextual() && !text.asText().isBlank()) {
                    texts.add(text.asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return texts;
    }
}
