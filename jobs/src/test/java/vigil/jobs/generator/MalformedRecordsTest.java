package vigil.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.codec.RejectCode;
import vigil.schemas.streams.StreamId;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MalformedRecordsTest {
    private static final long THIRTY_DAYS = 30L * 86_400_000L;
    private static List<GeneratedRecord> records;

    @BeforeAll
    static void generate() {
        records = Samples.take(GeneratorSettings.builder().malformedFraction(0.01).build(), 100_000);
    }

    @Test
    void fractionIsCloseToTheSettingAndEveryKindAppearsOnEveryStream() {
        Map<Malformation, Integer> kinds = new EnumMap<>(Malformation.class);
        EnumSet<StreamId> streams = EnumSet.noneOf(StreamId.class);
        for (GeneratedRecord record : records) {
            if (!record.isValid()) {
                kinds.merge(record.malformation(), 1, Integer::sum);
                streams.add(record.stream());
            }
        }
        int malformed = kinds.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(malformed).isBetween(850, 1150);
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(Malformation.values());
        assertThat(kinds.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
        assertThat(streams).hasSize(6);
    }

    @Test
    void defaultFractionIsKept() {
        long malformed = Samples.take(GeneratorSettings.defaults(), 100_000).stream()
                .filter(r -> !r.isValid()).count();
        assertThat(malformed).isBetween(65L, 135L);
    }

    @Test
    void eachKindIsRejectedForTheRightReason() {
        for (GeneratedRecord record : records) {
            if (record.isValid()) {
                continue;
            }
            var codec = RecordCodec.of(record.stream().recordType(), RecordFormat.JSON);
            DecodeException error = catchThrowableOfType(() -> codec.decode(record.value()), DecodeException.class);
            switch (record.malformation()) {
                case NOT_JSON: assertCode(error, RejectCode.MALFORMED, record); break;
                case WRONG_TYPE: assertCode(error, RejectCode.WRONG_TYPE, record); break;
                case MISSING_FIELD: assertCode(error, RejectCode.MISSING_FIELD, record); break;
                case UNKNOWN_EVENT_TYPE: assertCode(error, RejectCode.UNKNOWN_EVENT_TYPE, record); break;
                case MISSING_CUSTOMER_ID: assertNoCustomer(error, record); break;
                case TEXT_TOO_LARGE:
                    assertThat(error).isNull();
                    assertThat(Samples.parse(record).get("text").asText().length()).isGreaterThan(20_000);
                    break;
                default:
                    assertThat(error).isNull();
                    assertThat(Samples.parse(record).get("timestamp").asLong())
                            .isGreaterThanOrEqualTo(record.timestamp() + THIRTY_DAYS);
            }
        }
    }

    @Test
    void highFractionsWork() {
        long malformed = Samples.take(GeneratorSettings.builder().malformedFraction(0.9).build(), 10_000).stream()
                .filter(r -> !r.isValid()).count();
        assertThat(malformed).isBetween(8_800L, 9_200L);
    }

    private static void assertCode(DecodeException error, RejectCode code, GeneratedRecord record) {
        assertThat(error).as("%s", record).isNotNull();
        assertThat(error.code()).as("%s: %s", record, error.getMessage()).isEqualTo(code);
    }

    /** Clicks and social posts may decode, but then without any id to key them by. */
    private static void assertNoCustomer(DecodeException error, GeneratedRecord record) {
        assertThat(record.key()).isNull();
        if (error != null) {
            assertThat(error.code()).as("%s", record).isEqualTo(RejectCode.MISSING_CUSTOMER_ID);
            return;
        }
        JsonNode json = Samples.parse(record);
        assertThat(json.path("customerId").asText("")).isBlank();
        assertThat(json.has("anonymousId") || json.has("handle")).isFalse();
    }
}
