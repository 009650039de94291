package vigil.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the generator tests. */
final class Samples {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] BILLING_WORDS = {"bill", "charge", "invoice", "refund", "debit", "payment"};

    private Samples() {}

    static List<GeneratedRecord> take(GeneratorSettings settings, int n) {
        TrafficGenerator generator = new TrafficGenerator(settings);
        List<GeneratedRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(generator.next());
        }
        return records;
    }

    static JsonNode parse(GeneratedRecord record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + record, e);
        }
    }

    /** The text a customer wrote or said, or null for agents, bots, lifecycle events and clicks. */
    static String customerText(GeneratedRecord record, JsonNode json) {
        switch (record.stream()) {
            case CALLS: return "CUSTOMER".equals(json.path("speaker").asText()) ? json.get("text").asText() : null;
            case CHATS: return "CUSTOMER".equals(json.path("sender").asText()) && json.has("text")
                    ? json.get("text").asText() : null;
            case SOCIAL: return json.get("text").asText();
            default: return null;
        }
    }

    static boolean mentionsBilling(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String word : BILLING_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
