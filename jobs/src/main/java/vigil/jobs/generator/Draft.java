package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

/** A valid record before serialization, so that the malformer can still change its fields. */
final class Draft {
    final StreamId stream;
    final String key;
    final ObjectNode json;
    final long timestamp;

    Draft(StreamId stream, String key, ObjectNode json, long timestamp) {
        this.stream = stream;
        this.key = key;
        this.json = json;
        this.timestamp = timestamp;
    }
}
