package vigil.jobs.pulsar;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.pulsar.sink.config.SinkConfiguration;
import org.apache.flink.connector.pulsar.sink.writer.context.PulsarSinkContext;
import org.apache.flink.connector.pulsar.sink.writer.message.PulsarMessage;
import org.apache.flink.connector.pulsar.sink.writer.serializer.PulsarSerializationSchema;
import vigil.jobs.kafka.OutputEncoding;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.codec.RecordFormat;

/**
 * Writes one output stream to its Pulsar topic with the same key and value bytes the Kafka sink
 * writes; a tombstone (erased customer's score) is a message with the key and no value.
 */
public class PulsarRecordEncoder<T> implements PulsarSerializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private final Class<? extends SpecificRecord> valueType;
    private final RecordFormat format;
    private final OutputEncoding<T> encoding;
    private transient RecordCodec<SpecificRecord> codec;

    public PulsarRecordEncoder(Class<? extends SpecificRecord> valueType, RecordFormat format, OutputEncoding<T> encoding) {
        this.valueType = valueType;
        this.format = format;
        this.encoding = encoding;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(SerializationSchema.InitializationContext context, PulsarSinkContext sinkContext,
                     SinkConfiguration configuration) {
        codec = (RecordCodec<SpecificRecord>) RecordCodec.of(valueType, format);
    }

    @Override
    public PulsarMessage<?> serialize(T element, PulsarSinkContext context) {
        SpecificRecord value = encoding.value(element);
        String key = encoding.key(element);
        return (value == null ? PulsarMessage.builder() : PulsarMessage.builder(codec.encode(value))).key(key).build();
    }
}
