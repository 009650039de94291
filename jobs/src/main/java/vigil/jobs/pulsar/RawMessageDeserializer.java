package vigil.jobs.pulsar;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.pulsar.source.reader.deserializer.PulsarDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;
import vigil.operators.decode.RawRecord;

/**
 * Hands Pulsar messages on untouched, as the Kafka source does: the same bytes reach the same decoder,
 * where failures are dead-lettered. The record's topic is the configured name; its offset is the
 * message id, ledger id × 2^32 + entry id (ordered within a topic partition).
 */
public class RawMessageDeserializer implements PulsarDeserializationSchema<RawRecord> {
    private static final long serialVersionUID = 1L;
    private final PulsarTopics topics;

    public RawMessageDeserializer(PulsarTopics topics) {
        this.topics = topics;
    }

    @Override
    public void deserialize(Message<byte[]> message, Collector<RawRecord> out) {
        String topic = message.getTopicName();
        byte[] key = message.hasKey() ? message.getKeyBytes() : null;
        long timestamp = message.getEventTime() > 0 ? message.getEventTime() : message.getPublishTime();
        out.collect(new RawRecord(topics.configured(topic), PulsarTopics.partition(topic), offset(message.getMessageId()),
                timestamp, key, message.getData()));
    }

    static long offset(MessageId id) {
        if (id instanceof MessageIdAdv) {
            MessageIdAdv adv = (MessageIdAdv) id;
            return (adv.getLedgerId() << 32) | (adv.getEntryId() & 0xFFFF_FFFFL);
        }
        return -1;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
