package vigil.jobs.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.codec.RecordFormat;

import java.nio.charset.StandardCharsets;

/** Writes one output stream to its topic in the configured format, keyed for compaction and ordering. */
public class KafkaRecordEncoder<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final Class<? extends SpecificRecord> valueType;
    private final RecordFormat format;
    private final OutputEncoding<T> encoding;
    private transient RecordCodec<SpecificRecord> codec;

    public KafkaRecordEncoder(String topic, Class<? extends SpecificRecord> valueType, RecordFormat format,
                              OutputEncoding<T> encoding) {
        this.topic = topic;
        this.valueType = valueType;
        this.format = format;
        this.encoding = encoding;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = (RecordCodec<SpecificRecord>) RecordCodec.of(valueType, format);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        SpecificRecord value = encoding.value(element);
        byte[] key = encoding.key(element).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, timestamp, key, value == null ? null : codec.encode(value));
    }
}
