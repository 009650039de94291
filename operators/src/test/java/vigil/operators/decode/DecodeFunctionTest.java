package vigil.operators.decode;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vigil.schemas.Channel;
import vigil.schemas.ChatMessage;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.Party;
import vigil.schemas.ProfileUpdate;
import vigil.schemas.codec.AvroCodec;
import vigil.schemas.codec.RecordFormat;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeFunctionTest {
    private static final long NOW = 1_700_000_000_000L;

    private OneInputStreamOperatorTestHarness<RawRecord, CustomerEvent> harness;
    private long offset;

    @BeforeEach
    void open() throws Exception {
        Map<String, StreamId> topics = new HashMap<>();
        for (StreamId s : StreamId.values()) {
            if (s.isInput()) {
                topics.put(s.defaultTopic(), s);
            }
        }
        DecodeSettings settings = new DecodeSettings(topics, Map.of(StreamId.PROFILES, RecordFormat.JSON),
                100, 10_000, 3_600_000L);
        harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DecodeFunction(settings)));
        harness.setProcessingTime(NOW);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void normalizesEveryChannel() throws Exception {
        send("cx.calls", "{\"eventId\":\"1\",\"customerId\":\"C1\",\"callId\":\"k\",\"type\":\"SEGMENT\","
                + "\"timestamp\":" + NOW + ",\"speaker\":\"AGENT\",\"text\":\"how can I help\",\"queue\":\"billing\"}");
        send("cx.chats", "{\"eventId\":\"2\",\"customerId\":\"C2\",\"conversationId\":\"v\",\"sender\":\"CUSTOMER\","
                + "\"text\":\"hi\",\"timestamp\":" + NOW + "}");
        send("cx.social", "{\"eventId\":\"3\",\"handle\":\"@ann\",\"platform\":\"x\",\"text\":\"down again\","
                + "\"timestamp\":" + NOW + "}");
        send("cx.clicks", "{\"eventId\":\"4\",\"anonymousId\":\"a9\",\"sessionId\":\"s\",\"type\":\"ERROR\","
                + "\"page\":\"/billing\",\"errorCode\":500,\"timestamp\":" + NOW + "}");
        send("cx.profiles", "{\"eventId\":\"5\",\"customerId\":\"C5\",\"timestamp\":" + NOW + ",\"plan\":\"Basic\"}");
        send("cx.outcomes", "{\"eventId\":\"6\",\"customerId\":\"C6\",\"timestamp\":" + NOW + ",\"type\":\"CHURNED\"}");
        send("cx.control", "{\"id\":\"7\",\"customerId\":\"C7\",\"timestamp\":" + NOW + ",\"type\":\"ERASE_CUSTOMER\"}");

        List<CustomerEvent> events = events();
        assertThat(deadLetters()).isEmpty();
        assertThat(events).extracting(CustomerEvent::getCustomerId)
                .containsExactly("C1", "C2", "handle:@ann", "anon:a9", "C5", "C6", "C7");
        Interaction call = (Interaction) events.get(0).getPayload();
        assertThat(call.getChannel()).isEqualTo(Channel.CALL);
        assertThat(call.getKind()).isEqualTo("segment");
        assertThat(call.getParty()).isEqualTo(Party.AGENT);
        assertThat(call.getConversationId()).isEqualTo("k");
        assertThat(call.getQueue()).isEqualTo("billing");
        assertThat(((Interaction) events.get(3).getPayload()).getPage()).isEqualTo("/billing");
        assertThat(((Interaction) events.get(3).getPayload()).getErrorCode()).as("kept for click signals").isEqualTo(500);
        assertThat(events.get(4).getPayload()).isInstanceOf(ProfileUpdate.class);
        assertThat(events.get(6).getPayload()).isInstanceOf(ControlMessage.class);
    }

    @Test
    void acceptsRuleMessagesWithAPayloadUnderOneKey() throws Exception {
        send("cx.control", "{\"id\":\"r1\",\"timestamp\":" + NOW + ",\"type\":\"RULE_UPSERT\","
                + "\"payload\":\"{\\\"id\\\":\\\"x\\\"}\"}");
        send("cx.control", "{\"id\":\"r2\",\"timestamp\":" + NOW + ",\"type\":\"RULE_PAUSE\",\"payload\":\"x\"}");
        send("cx.control", "{\"id\":\"r3\",\"timestamp\":" + NOW + ",\"type\":\"RULE_DELETE\",\"payload\":\"x\"}");
        send("cx.control", "{\"id\":\"r4\",\"timestamp\":" + NOW + ",\"type\":\"RULE_DELETE\"}");

        assertThat(events()).extracting(CustomerEvent::getCustomerId).containsExactly("rules", "rules", "rules");
        assertThat(events()).extracting(e -> ((ControlMessage) e.getPayload()).getId()).containsExactly("r1", "r2", "r3");
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getErrorCode()).isEqualTo("MISSING_FIELD");
            assertThat(letter.getReason()).contains("RULE_DELETE").contains("rule id");
        });
    }

    @Test
    void passesOverAlertActionsWithoutDeadLetteringThem() throws Exception {
        send("cx.control", "{\"id\":\"a1\",\"timestamp\":" + NOW + ",\"type\":\"ALERT_ACTION\",\"issuedBy\":\"console\","
                + "\"payload\":\"{\\\"alertId\\\":\\\"spike:billing:1\\\",\\\"action\\\":\\\"ACKNOWLEDGE\\\"}\"}");
        send("cx.control", "{\"id\":\"a2\",\"timestamp\":" + NOW + ",\"type\":\"ALERT_ACTION\"}");

        assertThat(events()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getErrorCode()).isEqualTo("MISSING_FIELD");
            assertThat(letter.getReason()).contains("ALERT_ACTION").contains("payload");
        });
    }

    @Test
    void acceptsModelUpdatesWithAPayloadOnly() throws Exception {
        send("cx.control", "{\"id\":\"m1\",\"timestamp\":" + NOW + ",\"type\":\"MODEL_UPDATE\","
                + "\"issuedBy\":\"cli\",\"payload\":\"{\\\"id\\\":\\\"churn\\\"}\"}");
        send("cx.control", "{\"id\":\"m2\",\"timestamp\":" + NOW + ",\"type\":\"MODEL_UPDATE\"}");

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.getCustomerId()).isEqualTo("churn-model");
            assertThat(((ControlMessage) e.getPayload()).getPayload()).isEqualTo("{\"id\":\"churn\"}");
        });
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getErrorCode()).isEqualTo("MISSING_FIELD");
            assertThat(letter.getReason()).contains("MODEL_UPDATE").contains("payload");
        });
    }

    @Test
    void deadLettersEveryKindOfBadInputWithItsOriginAndReason() throws Exception {
        String ok = "\"eventId\":\"1\",\"conversationId\":\"v\",\"sender\":\"CUSTOMER\"";
        send("cx.chats", "{\"eventId\":\"1\",");
        send("cx.chats", "{" + ok + ",\"customerId\":\"C\",\"timestamp\":\"soon\"}");
        send("cx.chats", "{" + ok + ",\"timestamp\":" + NOW + "}");
        send("cx.chats", "{" + ok + ",\"customerId\":\"  \",\"timestamp\":" + NOW + "}");
        send("cx.chats", "{" + ok + ",\"customerId\":\"C\",\"type\":\"SHOUT\",\"timestamp\":" + NOW + "}");
        send("cx.chats", "{" + ok + ",\"customerId\":\"C\",\"text\":\"" + "x".repeat(101) + "\",\"timestamp\":" + NOW + "}");
        send("cx.chats", "{" + ok + ",\"customerId\":\"C\",\"timestamp\":" + (NOW + 2 * 3_600_000L) + "}");
        send("cx.chats", "{" + ok + ",\"customerId\":\"C\",\"timestamp\":1700000000}");
        send("cx.unknown", "{}");
        send("cx.control", "{\"id\":\"r\",\"timestamp\":" + NOW + ",\"type\":\"CATALOG_REPLACE\"}");
        send("cx.chats", "x".repeat(10_001));
        send("cx.chats", null);

        assertThat(events()).isEmpty();
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).extracting(DeadLetter::getErrorCode).containsExactly("MALFORMED", "WRONG_TYPE",
                "MISSING_CUSTOMER_ID", "MISSING_CUSTOMER_ID", "UNKNOWN_EVENT_TYPE", "TEXT_TOO_LARGE",
                "FUTURE_TIMESTAMP", "INVALID_TIMESTAMP", "UNKNOWN_TOPIC", "MISSING_FIELD", "RECORD_TOO_LARGE",
                "MALFORMED");
        assertThat(letters.get(1).getReason()).contains("'timestamp'").contains("\"soon\"");
        assertThat(letters.get(4).getReason()).contains("unknown event type 'SHOUT'");
        assertThat(letters.get(5).getReason()).contains("101 characters").contains("at most 100");
        DeadLetter first = letters.get(0);
        assertThat(first.getSourceTopic()).isEqualTo("cx.chats");
        assertThat(first.getOffset()).isEqualTo(0);
        assertThat(first.getRejectedAt()).isEqualTo(NOW);
        assertThat(StandardCharsets.UTF_8.decode(first.getValue()).toString()).isEqualTo("{\"eventId\":\"1\",");
        assertThat(letters.get(8).getSourceTopic()).isEqualTo("cx.unknown");
    }

    @Test
    void readsAvroTopics() throws Exception {
        harness.close();
        DecodeSettings settings = new DecodeSettings(Map.of("cx.chats", StreamId.CHATS),
                Map.of(StreamId.CHATS, RecordFormat.AVRO), 100, 10_000, 3_600_000L);
        harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DecodeFunction(settings)));
        harness.setProcessingTime(NOW);
        harness.open();
        ChatMessage message = ChatMessage.newBuilder().setEventId("e").setCustomerId("C1").setConversationId("v")
                .setSender(Party.CUSTOMER).setText("hello").setTimestamp(NOW).build();

        harness.processElement(raw("cx.chats", new AvroCodec<>(ChatMessage.class).encode(message)), NOW);
        send("cx.chats", "{\"json\":\"is not avro\"}");

        assertThat(events()).extracting(CustomerEvent::getCustomerId).containsExactly("C1");
        assertThat(deadLetters()).extracting(DeadLetter::getErrorCode).containsExactly("MALFORMED");
    }

    private void send(String topic, String json) throws Exception {
        harness.processElement(raw(topic, json == null ? null : json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    private RawRecord raw(String topic, byte[] value) {
        return new RawRecord(topic, 0, offset++, NOW, "k".getBytes(StandardCharsets.UTF_8), value);
    }

    @SuppressWarnings("unchecked")
    private List<CustomerEvent> events() {
        List<CustomerEvent> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            out.add(((StreamRecord<CustomerEvent>) o).getValue());
        }
        return out;
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> out = new ArrayList<>();
        var side = harness.getSideOutput(DeadLetters.TAG);
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }
}
