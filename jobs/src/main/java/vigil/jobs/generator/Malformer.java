package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Breaks valid records the ways real producers do. Kinds are kept balanced: each broken record gets
 * the least used kind that fits it (a record without text cannot have too much of it).
 */
final class Malformer {
    private static final Malformation[] KINDS = Malformation.values();
    private static final long DAY_MS = 86_400_000L;

    private final Random rnd;
    private final int maxTextChars;
    private final long[] used = new long[KINDS.length];

    Malformer(Random rnd, int maxTextChars) {
        this.rnd = rnd;
        this.maxTextChars = maxTextChars;
    }

    Malformation choose(Draft draft) {
        List<Malformation> fewest = new ArrayList<>();
        long min = Long.MAX_VALUE;
        for (Malformation kind : KINDS) {
            if (!fits(kind, draft.json)) {
                continue;
            }
            if (used[kind.ordinal()] < min) {
                min = used[kind.ordinal()];
                fewest.clear();
            }
            if (used[kind.ordinal()] == min) {
                fewest.add(kind);
            }
        }
        Malformation kind = fewest.get(rnd.nextInt(fewest.size()));
        used[kind.ordinal()]++;
        return kind;
    }

    private static boolean fits(Malformation kind, ObjectNode json) {
        switch (kind) {
            case UNKNOWN_EVENT_TYPE: return json.has("type");
            case TEXT_TOO_LARGE: return json.has("text");
            default: return true;
        }
    }

    GeneratedRecord apply(Malformation kind, Draft draft) {
        ObjectNode json = draft.json;
        String key = draft.key;
        switch (kind) {
            case NOT_JSON:
                return GeneratedRecord.owning(draft.stream, key, garbage(World.bytes(json)), draft.timestamp, kind);
            case WRONG_TYPE:
                wrongType(json);
                break;
            case MISSING_CUSTOMER_ID:
                dropCustomer(json);
                key = null;
                break;
            case UNKNOWN_EVENT_TYPE:
                String type = json.get("type").asText();
                String[] unknown = {"TELEPORT", type.toLowerCase(Locale.ROOT), type + "_V2", "UNKNOWN"};
                json.put("type", unknown[rnd.nextInt(unknown.length)]);
                break;
            case TEXT_TOO_LARGE:
                json.put("text", oversized(json.get("text").asText()));
                break;
            case FUTURE_TIMESTAMP:
                json.put("timestamp", draft.timestamp + 30 * DAY_MS + (long) (rnd.nextDouble() * 335 * DAY_MS));
                break;
            default:
                json.remove(FieldFaults.requiredField(draft.stream, rnd));
                break;
        }
        return GeneratedRecord.owning(draft.stream, key, World.bytes(json), draft.timestamp, kind);
    }

    private byte[] garbage(byte[] valid) {
        switch (rnd.nextInt(6)) {
            case 0: return java.util.Arrays.copyOf(valid, 1 + rnd.nextInt(valid.length - 1)); // truncated
            case 1: return "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            case 2: return concat(valid, valid); // two records glued together
            case 3: return new String(valid, StandardCharsets.UTF_8).replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 4: return ("ERROR 2025-01-01 upstream timeout; payload dropped (" + valid.length + " bytes)")
                    .getBytes(StandardCharsets.UTF_8);
            default:
                byte[] noise = new byte[16 + rnd.nextInt(48)];
                rnd.nextBytes(noise);
                noise[0] = (byte) 0xFF; // never a valid first byte of UTF-8 JSON
                return noise;
        }
    }

    private void wrongType(ObjectNode json) {
        List<Runnable> options = new ArrayList<>();
        options.add(() -> json.put("timestamp", "yesterday"));
        options.add(() -> json.put("timestamp", "2025-01-01T10:00:00Z"));
        options.add(() -> json.put("timestamp", json.get("timestamp").asLong() / 1000.0));
        if (json.has("text")) {
            options.add(() -> json.put("text", 404));
            options.add(() -> json.putArray("text").add(json.path("eventId").asText()));
        }
        if (json.has("customerId")) {
            options.add(() -> json.put("customerId", 123456));
        }
        FieldFaults.typedFields(json, options);
        options.get(rnd.nextInt(options.size())).run();
    }

    private void dropCustomer(ObjectNode json) {
        json.remove("anonymousId");
        json.remove("handle");
        switch (rnd.nextInt(3)) {
            case 0: json.put("customerId", ""); break;
            case 1: json.putNull("customerId"); break;
            default: json.remove("customerId"); break;
        }
    }

    private String oversized(String text) {
        int length = maxTextChars + maxTextChars / 4 + rnd.nextInt(4000);
        StringBuilder out = new StringBuilder(length + text.length() + 1);
        // A transcript stuck in a loop, or a pasted log: the same text over and over.
        while (out.length() < length) {
            out.append(text).append(' ');
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
