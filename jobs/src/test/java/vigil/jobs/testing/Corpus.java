package vigil.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A synthetic test corpus: generator traffic with malformed records mixed in, and what a correct job makes of it. */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<GeneratedRecord> records = new ArrayList<>();
    public final List<RawRecord> raw = new ArrayList<>();
    public final Set<Long> malformedOffsets = new HashSet<>();
    public final Set<String> interactionIds = new HashSet<>();
    public int valid;

    /** Draws records until at least {@code minValid} valid and {@code minMalformed} malformed ones are in. */
    public static Corpus generate(long startTime, double malformedFraction, int minValid, int minMalformed) {
        TrafficGenerator generator = new TrafficGenerator(GeneratorSettings.builder().customers(500).seed(7)
                .eventsPerSecond(1000).malformedFraction(malformedFraction).startTime(startTime)
                .incidents(GeneratorSettings.defaultDemoIncidents()).build());
        Corpus corpus = new Corpus();
        while (corpus.valid < minValid || corpus.malformedOffsets.size() < minMalformed) {
            corpus.add(generator.next());
        }
        return corpus;
    }

    private void add(GeneratedRecord record) {
        long offset = raw.size();
        records.add(record);
        raw.add(new RawRecord(record.stream().defaultTopic(), 0, offset, record.timestamp(),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value()));
        if (record.malformation() != null) {
            malformedOffsets.add(offset);
            return;
        }
        valid++;
        if (isChannel(record.stream())) {
            interactionIds.add(eventId(record.value()));
        }
    }

    private static boolean isChannel(StreamId stream) {
        return stream == StreamId.CALLS || stream == StreamId.CHATS || stream == StreamId.SOCIAL
                || stream == StreamId.CLICKS;
    }

    private static String eventId(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.get("eventId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("a valid generated record is not JSON", e);
        }
    }
}
