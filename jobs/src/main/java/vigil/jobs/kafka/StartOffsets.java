package vigil.jobs.kafka;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses {@code kafka.startFrom}: where the source starts reading partitions it has no offset for in a
 * checkpoint or savepoint (a restored job always continues from its state).
 */
public final class StartOffsets {
    private static final String TIMESTAMP = "timestamp:";

    private StartOffsets() {}

    public static OffsetsInitializer parse(String startFrom) {
        String value = startFrom == null ? "committed" : startFrom.trim();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "committed":
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case "earliest":
                return OffsetsInitializer.earliest();
            case "latest":
                return OffsetsInitializer.latest();
            default:
                if (value.toLowerCase(Locale.ROOT).startsWith(TIMESTAMP)) {
                    return OffsetsInitializer.timestamp(epochMillis(value.substring(TIMESTAMP.length()).trim()));
                }
                throw new IllegalArgumentException("kafka.startFrom must be committed, earliest, latest or "
                        + "timestamp:<ISO-8601 instant or epoch ms>, not '" + startFrom + "'");
        }
    }

    /** The epoch milliseconds of an ISO-8601 instant ({@code 2026-11-30T08:00:00Z}) or a plain number. */
    static long epochMillis(String text) {
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("kafka.startFrom timestamp '" + text
                    + "' is neither an ISO-8601 instant (2026-11-30T08:00:00Z) nor epoch milliseconds", e);
        }
    }
}
