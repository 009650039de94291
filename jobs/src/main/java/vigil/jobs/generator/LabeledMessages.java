package vigil.jobs.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vigil.schemas.streams.StreamId;

import java.io.IOException;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic short customer messages labeled with the polarity of their topic (complaints negative,
 * praise positive, questions neutral), as CSV: {@code text,sentiment,topic,channel}. They are the
 * customers' opening messages of the generator's chats, calls and social posts, with its noise
 * (typos, emoticons, transcripts, sarcasm). Synthetic: a check that the fast path carries over to the
 * kind of text Vigil sees, never data to train or tune on.
 */
public final class LabeledMessages {
    private static final StreamId[] CHANNELS = {StreamId.CHATS, StreamId.CALLS, StreamId.SOCIAL};

    private LabeledMessages() {}

    public static void write(Appendable out, int count, long seed) throws IOException {
        Random rnd = new Random(seed);
        Population population = new Population(Math.max(50, count / 10), rnd);
        Texts texts = new Texts(rnd);
        Topic[] topics = Topic.values();
        long time = 1_767_225_600_000L; // 2026-01-01, only used to fill dates into the phrases
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("text", "sentiment", "topic", "channel").build())) {
            for (int i = 0; i < count; i++) {
                Topic topic = topics[rnd.nextInt(topics.length)];
                StreamId channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
                Customer customer = population.get(rnd.nextInt(population.size()));
                String text = texts.statement(customer, topic, channel, time + i * 60_000L);
                csv.printRecord(text, polarity(topic), topic.name().toLowerCase(Locale.ROOT),
                        channel.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String polarity(Topic topic) {
        return topic.polarity() < 0 ? "negative" : topic.polarity() > 0 ? "positive" : "neutral";
    }
}
