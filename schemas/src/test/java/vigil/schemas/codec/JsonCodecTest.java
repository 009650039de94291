package vigil.schemas.codec;

import org.junit.jupiter.api.Test;
import vigil.schemas.CallEvent;
import vigil.schemas.CallEventType;
import vigil.schemas.CustomerScore;
import vigil.schemas.DeadLetter;
import vigil.schemas.Party;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.ValueTier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCodecTest {
    private final JsonCodec<CallEvent> calls = new JsonCodec<>(CallEvent.class);

    @Test
    void readsAValidCallSegment() throws Exception {
        CallEvent event = calls.decode(bytes("{\"eventId\":\"e1\",\"customerId\":\"C1\",\"callId\":\"k1\","
                + "\"type\":\"SEGMENT\",\"timestamp\":1700000000000,\"speaker\":\"CUSTOMER\","
                + "\"text\":\"my bill is wrong\",\"offsetMs\":1200,\"extra\":\"ignored\"}"));

        assertThat(event.getType()).isEqualTo(CallEventType.SEGMENT);
        assertThat(event.getSpeaker()).isEqualTo(Party.CUSTOMER);
        assertThat(event.getText()).isEqualTo("my bill is wrong");
        assertThat(event.getOffsetMs()).isEqualTo(1200L);
        assertThat(event.getQueue()).isNull();
    }

    @Test
    void fillsDefaultsAndMaps() throws Exception {
        ProfileUpdate update = new JsonCodec<>(ProfileUpdate.class).decode(bytes("{\"eventId\":\"p1\","
                + "\"customerId\":\"C1\",\"timestamp\":5,\"valueTier\":\"VIP\",\"monthlyCharges\":70,"
                + "\"attributes\":{\"region\":\"north\"}}"));

        assertThat(update.getValueTier()).isEqualTo(ValueTier.VIP);
        assertThat(update.getMonthlyCharges()).isEqualTo(70.0);
        assertThat(update.getAttributes()).containsEntry("region", "north");
    }

    @Test
    void rejectsBrokenJson() {
        assertRejected("{\"eventId\":\"e1\",\"customerId\":", RejectCode.MALFORMED, "not valid JSON");
        assertRejected("\u0000\u0001garbage", RejectCode.MALFORMED, "not valid JSON");
        assertRejected("{} {}", RejectCode.MALFORMED, "not valid JSON");
        assertRejected("", RejectCode.MALFORMED, "empty record");
        assertRejected("[1,2]", RejectCode.WRONG_TYPE, "must be a JSON object");
    }

    @Test
    void rejectsWrongTypesWithTheFieldName() {
        assertRejected(call("\"timestamp\":\"yesterday\""), RejectCode.WRONG_TYPE,
                "field 'timestamp' must be an integer, got string \"yesterday\"");
        assertRejected(call("\"timestamp\":1,\"text\":42"), RejectCode.WRONG_TYPE, "field 'text' must be a string");
    }

    @Test
    void rejectsMissingFieldsAndUnknownTypes() {
        assertRejected("{\"eventId\":\"e1\",\"customerId\":\"C1\",\"type\":\"SEGMENT\",\"timestamp\":1}",
                RejectCode.MISSING_FIELD, "required field 'callId' is missing");
        assertRejected("{\"eventId\":\"e1\",\"customerId\":\"C1\",\"callId\":\"k\",\"type\":\"TELEPORT\","
                + "\"timestamp\":1}", RejectCode.UNKNOWN_EVENT_TYPE, "unknown event type 'TELEPORT'");
        assertRejected(call("\"timestamp\":1,\"speaker\":\"ALIEN\""), RejectCode.INVALID_VALUE,
                "unknown value 'ALIEN' for field 'speaker'");
    }

    @Test
    void writesPlainJsonThatReadsBack() throws Exception {
        CustomerScore score = CustomerScore.newBuilder().setCustomerId("C1").setUpdatedAt(9L)
                .setReasons(List.of("tenure")).setModelVersions(Map.of("churn", "v1")).setChurnRisk(0.25).build();
        JsonCodec<CustomerScore> codec = new JsonCodec<>(CustomerScore.class);

        String json = new String(codec.encode(score), StandardCharsets.UTF_8);

        assertThat(json).contains("\"churnRisk\":0.25").contains("\"modelVersions\":{\"churn\":\"v1\"}")
                .doesNotContain("\"double\"");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(score);
    }

    @Test
    void writesBytesAsBase64AndReadsThemBack() throws Exception {
        DeadLetter letter = DeadLetter.newBuilder().setSourceTopic("cx.calls").setPartition(1).setOffset(7)
                .setRecordTimestamp(1).setValue(ByteBuffer.wrap(new byte[] {1, 2, 3})).setErrorCode("MALFORMED")
                .setReason("bad").setRejectedAt(2).build();

        JsonCodec<DeadLetter> codec = new JsonCodec<>(DeadLetter.class);
        String json = new String(codec.encode(letter), StandardCharsets.UTF_8);

        assertThat(json).contains("\"value\":\"AQID\"").contains("\"key\":null");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(letter);
    }

    private static String call(String fields) {
        return "{\"eventId\":\"e1\",\"customerId\":\"C1\",\"callId\":\"k\",\"type\":\"SEGMENT\"," + fields + "}";
    }

    private void assertRejected(String json, RejectCode code, String reason) {
        assertThatThrownBy(() -> calls.decode(bytes(json)))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
