package vigil.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.streams.StreamId;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ValidRecordsTest {
    private static List<GeneratedRecord> records;

    @BeforeAll
    static void generate() {
        records = Samples.take(GeneratorSettings.builder().malformedFraction(0.01).build(), 20_000);
    }

    @Test
    void everyValidRecordDecodesWithItsSchema() {
        for (GeneratedRecord record : records) {
            if (record.isValid()) {
                var codec = RecordCodec.of(record.stream().recordType(), RecordFormat.JSON);
                assertThatCode(() -> codec.decode(record.value())).as("%s", record).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyValidRecordHasItsIdsAndKey() {
        Set<String> eventIds = new HashSet<>();
        for (GeneratedRecord record : records) {
            if (!record.isValid()) {
                continue;
            }
            JsonNode json = Samples.parse(record);
            assertThat(json.isObject()).isTrue();
            assertThat(eventIds.add(json.get("eventId").asText())).as("unique eventId %s", record).isTrue();
            assertThat(json.get("timestamp").asLong()).isEqualTo(record.timestamp());
            String key = record.stream() == StreamId.CLICKS ? firstOf(json, "customerId", "anonymousId")
                    : record.stream() == StreamId.SOCIAL ? firstOf(json, "customerId", "handle")
                    : json.get("customerId").asText();
            assertThat(key).as("%s", record).isNotBlank().isEqualTo(record.key());
            for (String field : required(record.stream())) {
                assertThat(json.hasNonNull(field)).as("%s in %s", field, record).isTrue();
            }
        }
    }

    @Test
    void allSixStreamsAppearRoughlyInTheirShares() {
        Map<StreamId, Integer> counts = new EnumMap<>(StreamId.class);
        records.forEach(r -> counts.merge(r.stream(), 1, Integer::sum));
        GeneratorSettings.defaults().channelMix().forEach((stream, share) ->
                assertThat(counts.getOrDefault(stream, 0) / (double) records.size()).as("%s", stream)
                        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.02)));
    }

    @Test
    void callsAreConversationsWithConsistentOffsets() {
        Map<String, Long> started = new HashMap<>();
        int ended = 0;
        for (GeneratedRecord record : records) {
            if (record.stream() != StreamId.CALLS || !record.isValid()) {
                continue;
            }
            JsonNode json = Samples.parse(record);
            String call = json.get("callId").asText();
            String type = json.get("type").asText();
            if (type.equals("STARTED")) {
                started.put(call, record.timestamp());
            } else if (started.containsKey(call)) {
                assertThat(json.get("offsetMs").asLong()).isEqualTo(record.timestamp() - started.get(call));
                if (type.equals("ENDED")) {
                    assertThat(json.get("durationMs").asLong()).isEqualTo(json.get("offsetMs").asLong());
                    ended++;
                }
            }
            if (type.equals("SEGMENT")) {
                assertThat(json.get("speaker").asText()).isIn("CUSTOMER", "AGENT");
                assertThat(json.get("agentId").asText()).startsWith("A");
            }
        }
        assertThat(started).hasSizeGreaterThan(100);
        assertThat(ended).isGreaterThan(100);
    }

    @Test
    void everyEventTypeAppears() {
        Map<StreamId, Set<String>> types = new EnumMap<>(StreamId.class);
        Set<String> parties = new HashSet<>();
        Set<String> actions = new HashSet<>();
        for (GeneratedRecord record : records) {
            if (!record.isValid()) {
                continue;
            }
            JsonNode json = Samples.parse(record);
            types.computeIfAbsent(record.stream(), s -> new HashSet<>()).add(json.path("type").asText("-"));
            parties.add(json.path("sender").asText(json.path("speaker").asText("-")));
            actions.add(json.path("actionId").asText("-"));
            if (json.path("type").asText().equals("ERROR")) {
                assertThat(json.get("errorCode").asInt()).isBetween(400, 599);
            }
        }
        assertThat(types.get(StreamId.CALLS)).contains("STARTED", "SEGMENT", "HOLD", "TRANSFERRED", "ENDED");
        assertThat(types.get(StreamId.CHATS)).contains("OPENED", "MESSAGE", "CLOSED");
        assertThat(types.get(StreamId.SOCIAL)).contains("POST", "MENTION", "REPLY");
        assertThat(types.get(StreamId.CLICKS)).contains("PAGE_VIEW", "CLICK", "ERROR", "CHECKOUT_STEP", "CANCEL_STEP");
        assertThat(types.get(StreamId.OUTCOMES)).contains("CHURNED", "RETAINED", "ACTION_ACCEPTED",
                "ACTION_REJECTED", "ACTION_SHOWN");
        assertThat(parties).contains("CUSTOMER", "AGENT", "BOT");
        assertThat(actions).contains("retention-offer", "apology-credit");
    }

    private static String firstOf(JsonNode json, String field, String alternative) {
        return json.hasNonNull(field) ? json.get(field).asText() : json.path(alternative).asText(null);
    }

    private static List<String> required(StreamId stream) {
        switch (stream) {
            case CALLS: return List.of("callId", "type");
            case CHATS: return List.of("conversationId", "type", "sender");
            case SOCIAL: return List.of("platform", "text", "type");
            case CLICKS: return List.of("sessionId", "type", "page");
            case OUTCOMES: return List.of("customerId", "type");
            default: return List.of("customerId");
        }
    }
}
