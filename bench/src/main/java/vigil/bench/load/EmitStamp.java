package vigil.bench.load;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;

/**
 * Wraps a sink's serializer and adds a header with the wall-clock time the record is handed to the
 * Kafka producer (its emit time), so the benchmark can tell processing latency from the exactly-once
 * visibility delay. The record itself is unchanged.
 */
public final class EmitStamp<T> implements KafkaRecordSerializationSchema<T> {
    public static final String HEADER = "vigil-bench-emit-ms";
    private final KafkaRecordSerializationSchema<T> inner;

    public EmitStamp(KafkaRecordSerializationSchema<T> inner) {
        this.inner = inner;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
        inner.open(context, sinkContext);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        ProducerRecord<byte[], byte[]> record = inner.serialize(element, context, timestamp);
        if (record != null) {
            record.headers().add(HEADER, ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis()).array());
        }
        return record;
    }

    /** The emit time a record carries, or -1. */
    public static long read(org.apache.kafka.common.header.Headers headers) {
        org.apache.kafka.common.header.Header header = headers.lastHeader(HEADER);
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }
}
