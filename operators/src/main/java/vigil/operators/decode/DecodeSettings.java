package vigil.operators.decode;

import vigil.schemas.codec.RecordFormat;
import vigil.schemas.streams.StreamId;

import java.io.Serializable;
import java.util.Map;

/**
 * What the decoder needs to know: which input stream each topic carries and in which format,
 * and the limits beyond which a record is rejected.
 */
public final class DecodeSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, StreamId> streamByTopic;
    private final Map<StreamId, RecordFormat> formats;
    private final int maxTextChars;
    private final int maxRecordBytes;
    private final long maxFutureSkewMs;

    public DecodeSettings(Map<String, StreamId> streamByTopic, Map<StreamId, RecordFormat> formats,
                          int maxTextChars, int maxRecordBytes, long maxFutureSkewMs) {
        this.streamByTopic = Map.copyOf(streamByTopic);
        this.formats = Map.copyOf(formats);
        this.maxTextChars = maxTextChars;
        this.maxRecordBytes = maxRecordBytes;
        this.maxFutureSkewMs = maxFutureSkewMs;
    }

    public Map<String, StreamId> streamByTopic() {
        return streamByTopic;
    }

    public RecordFormat format(StreamId stream) {
        return formats.getOrDefault(stream, RecordFormat.JSON);
    }

    public int maxTextChars() {
        return maxTextChars;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public long maxFutureSkewMs() {
        return maxFutureSkewMs;
    }
}
