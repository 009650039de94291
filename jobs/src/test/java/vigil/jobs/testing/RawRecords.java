package vigil.jobs.testing;

import vigil.jobs.config.VigilConfig;
import vigil.operators.decode.RawRecord;
import vigil.schemas.streams.StreamId;

import java.nio.charset.StandardCharsets;

/** Raw input records as the Kafka source would hand them to the job, for MiniCluster tests that wire a collection. */
public final class RawRecords {
    private RawRecords() {
    }

    /** A control message of {@code type} on cx.control: id {@code m<offset>}, at {@code t + offset}. */
    public static RawRecord control(VigilConfig config, long t, int offset, String type, String payload) {
        String json = "{\"id\":\"m" + offset + "\",\"type\":\"" + type + "\",\"issuedBy\":\"test\",\"timestamp\":"
                + (t + offset) + ",\"payload\":" + quote(payload) + "}";
        return new RawRecord(config.topic(StreamId.CONTROL), 0, offset, t, null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A customer's call segment on cx.calls at {@code t + offset}. */
    public static RawRecord segment(VigilConfig config, long t, int offset, String customer, String call, String text) {
        String json = "{\"eventId\":\"e" + offset + "\",\"customerId\":\"" + customer + "\",\"callId\":\"" + call
                + "\",\"type\":\"SEGMENT\",\"timestamp\":" + (t + offset) + ",\"speaker\":\"CUSTOMER\",\"text\":\""
                + text + "\",\"offsetMs\":" + offset * 1000 + "}";
        return new RawRecord(config.topic(StreamId.CALLS), 0, offset, t, null, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
