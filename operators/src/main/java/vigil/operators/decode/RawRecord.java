package vigil.operators.decode;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record as it arrived, before any parsing, so that nothing can fail in the source and a
 * rejected record can be dead-lettered byte for byte. A Flink POJO.
 */
public class RawRecord {
    public String topic;
    public int partition;
    public long offset;
    public long timestamp;
    public byte[] key;
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RawRecord)) {
            return false;
        }
        RawRecord other = (RawRecord) o;
        return partition == other.partition && offset == other.offset && timestamp == other.timestamp
                && Objects.equals(topic, other.topic) && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
