package vigil.schemas.codec;

import org.apache.avro.specific.SpecificRecord;

/** Reads and writes one record type in one wire format. Implementations are thread-safe. */
public interface RecordCodec<T extends SpecificRecord> {
    T decode(byte[] bytes) throws DecodeException;

    byte[] encode(T record);

    static <T extends SpecificRecord> RecordCodec<T> of(Class<T> type, RecordFormat format) {
        return format == RecordFormat.AVRO ? new AvroCodec<>(type) : new JsonCodec<>(type);
    }
}
