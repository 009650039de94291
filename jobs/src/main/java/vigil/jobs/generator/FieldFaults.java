package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.List;
import java.util.Random;

/** Per-stream knowledge the malformer needs: which fields are required, which are typed. */
final class FieldFaults {
    private FieldFaults() {}

    /** A required field other than the customer id; the stream's own id field half of the time. */
    static String requiredField(StreamId stream, Random rnd) {
        String[] fields;
        switch (stream) {
            case CALLS: fields = new String[] {"callId", "type", "eventId", "timestamp"}; break;
            case CHATS: fields = new String[] {"conversationId", "sender", "eventId", "timestamp"}; break;
            case SOCIAL: fields = new String[] {"platform", "text", "eventId", "timestamp"}; break;
            case CLICKS: fields = new String[] {"sessionId", "page", "type", "eventId"}; break;
            case OUTCOMES: fields = new String[] {"type", "eventId", "timestamp"}; break;
            default: fields = new String[] {"eventId", "timestamp"}; break;
        }
        return rnd.nextBoolean() ? fields[0] : fields[1 + rnd.nextInt(fields.length - 1)];
    }

    /** Adds ways to give a stream-specific numeric field a value of the wrong type. */
    static void typedFields(ObjectNode json, List<Runnable> options) {
        if (json.has("followers")) {
            options.add(() -> json.put("followers", "12.5k"));
        }
        if (json.has("errorCode")) {
            options.add(() -> json.put("errorCode", "E" + json.get("errorCode").asInt()));
        }
        if (json.has("offsetMs")) {
            options.add(() -> json.put("offsetMs", json.get("offsetMs").asLong() / 1000 + "s"));
        }
        if (json.has("monthlyCharges")) {
            options.add(() -> json.put("monthlyCharges", String.format(java.util.Locale.ROOT, "%.2f €", json.get("monthlyCharges")
                    .asDouble()).replace('.', ',')));
        }
        if (json.has("tenureMonths")) {
            options.add(() -> json.put("tenureMonths", json.get("tenureMonths").asInt() / 12.0));
        }
    }
}
