package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One synthetic input record: the stream it belongs to, its Kafka key and JSON value, and its event time. */
public final class GeneratedRecord {
    private final StreamId stream;
    private final String key;
    private final byte[] value;
    private final long timestamp;
    private final Malformation malformation;

    public GeneratedRecord(StreamId stream, String key, byte[] value, long timestamp, Malformation malformation) {
        this(stream, key, timestamp, malformation, value.clone());
    }

    private GeneratedRecord(StreamId stream, String key, long timestamp, Malformation malformation, byte[] owned) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.key = key;
        this.value = owned;
        this.timestamp = timestamp;
        this.malformation = malformation;
    }

    /** For the generator, which hands over arrays nobody else holds: no copy needed. */
    static GeneratedRecord owning(StreamId stream, String key, byte[] value, long timestamp, Malformation malformation) {
        return new GeneratedRecord(stream, key, timestamp, malformation, value);
    }

    public StreamId stream() {
        return stream;
    }

    /** Customer id, else the click's anonymous id or the social author's handle; null if the record lost it. */
    public String key() {
        return key;
    }

    /** The record's bytes (a copy): UTF-8 JSON for valid records, anything for malformed ones. */
    public byte[] value() {
        return value.clone();
    }

    /** Event time in epoch milliseconds (a FUTURE_TIMESTAMP record claims a later one in its value). */
    public long timestamp() {
        return timestamp;
    }

    /** How the record was broken, or null when it is valid. */
    public Malformation malformation() {
        return malformation;
    }

    public boolean isValid() {
        return malformation == null;
    }

    /** The value decoded as UTF-8, for tests and logs. */
    public String valueText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GeneratedRecord)) {
            return false;
        }
        GeneratedRecord other = (GeneratedRecord) o;
        return stream == other.stream && timestamp == other.timestamp && Objects.equals(key, other.key)
                && Arrays.equals(value, other.value) && malformation == other.malformation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, key, timestamp, malformation) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String text = valueText();
        return stream + " key=" + key + " t=" + timestamp + (malformation == null ? "" : " " + malformation) + " "
                + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
