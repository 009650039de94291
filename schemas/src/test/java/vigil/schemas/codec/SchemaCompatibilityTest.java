package vigil.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import vigil.schemas.ChatMessage;
import vigil.schemas.ClickEvent;
import vigil.schemas.ClickEventType;
import vigil.schemas.CustomerState;
import vigil.schemas.SpikeState;
import vigil.schemas.Party;
import vigil.schemas.streams.StreamId;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    @Test
    void everyPublishedSchemaReadsAllItsPreviousVersions() {
        int checked = 0;
        for (StreamId stream : StreamId.values()) {
            Schema current = SpecificData.get().getSchema(stream.recordType());
            for (Schema previous : SchemaHistory.previousVersions(current)) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, previous);
                assertThat(result.getType())
                        .as("%s reading %s", current.getFullName(), previous.getDoc())
                        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
                checked++;
            }
        }
        assertThat(checked).as("history versions checked").isGreaterThanOrEqualTo(4);
    }

    @Test
    void spikeStateReadsTheStateWrittenBeforeTheTrend() {
        Schema current = SpikeState.getClassSchema();
        List<Schema> previous = SchemaHistory.previousVersions(current);
        assertThat(previous).as("SpikeState-v1 is kept").isNotEmpty();
        for (Schema old : previous) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
                    .as("RocksDB state written with %s", old.getDoc())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void customerStateReadsTheStateWrittenBeforeChurnSignals() {
        Schema current = CustomerState.getClassSchema();
        List<Schema> previous = SchemaHistory.previousVersions(current);
        assertThat(previous).as("CustomerState-v1 is kept").isNotEmpty();
        for (Schema old : previous) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
                    .as("RocksDB state written with %s", old.getDoc())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void aChatMessageWrittenWithVersionOneStillReads() throws Exception {
        Schema v1 = SchemaHistory.previousVersions(ChatMessage.getClassSchema()).get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e1");
        old.put("customerId", "C9");
        old.put("conversationId", "conv");
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "MESSAGE"));
        old.put("sender", new GenericData.EnumSymbol(v1.getField("sender").schema(), "CUSTOMER"));
        old.put("text", "hello");
        old.put("timestamp", 42L);
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old));

        ChatMessage read = new AvroCodec<>(ChatMessage.class).decode(bytes);

        assertThat(read.getCustomerId()).isEqualTo("C9");
        assertThat(read.getSender()).isEqualTo(Party.CUSTOMER);
        assertThat(read.getText()).isEqualTo("hello");
        assertThat(read.getLanguage()).as("field added in version 2 takes its default").isNull();
    }

    @Test
    void aClickWrittenWithVersionOneStillReads() throws Exception {
        Schema v1 = SchemaHistory.previousVersions(ClickEvent.getClassSchema()).get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e2");
        old.put("customerId", "C1");
        old.put("sessionId", "s");
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "ERROR"));
        old.put("page", "/billing");
        old.put("timestamp", 7L);
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old));

        ClickEvent read = new AvroCodec<>(ClickEvent.class).decode(bytes);

        assertThat(read.getType()).isEqualTo(ClickEventType.ERROR);
        assertThat(read.getErrorCode()).isNull();
    }

    @Test
    void avroRoundTripsAndRejectsGarbage() throws Exception {
        AvroCodec<ChatMessage> codec = new AvroCodec<>(ChatMessage.class);
        ChatMessage message = ChatMessage.newBuilder().setEventId("e").setCustomerId("C").setConversationId("c")
                .setSender(Party.AGENT).setTimestamp(1L).setLanguage("en").build();

        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
        for (byte[] garbage : List.of(new byte[] {1, 2, 3}, "{\"json\":1}".getBytes(), new byte[0])) {
            try {
                codec.decode(garbage);
                throw new AssertionError("garbage was accepted");
            } catch (DecodeException e) {
                assertThat(e.code()).isEqualTo(RejectCode.MALFORMED);
            }
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
