package vigil.operators.decode;

import org.apache.flink.util.OutputTag;
import vigil.schemas.DeadLetter;
import vigil.schemas.codec.RejectCode;

import java.nio.ByteBuffer;

/** The dead-letter side output and how a rejected record becomes a {@link DeadLetter}. */
public final class DeadLetters {
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

    public static DeadLetter of(RawRecord raw, RejectCode code, String reason, long now) {
        return DeadLetter.newBuilder()
                .setSourceTopic(raw.topic == null ? "" : raw.topic)
                .setPartition(raw.partition)
                .setOffset(raw.offset)
                .setRecordTimestamp(raw.timestamp)
                .setKey(raw.key == null ? null : ByteBuffer.wrap(raw.key))
                .setValue(raw.value == null ? null : ByteBuffer.wrap(raw.value))
                .setErrorCode(code.name())
                .setReason(reason == null ? code.name() : reason)
                .setRejectedAt(now)
                .build();
    }
}
