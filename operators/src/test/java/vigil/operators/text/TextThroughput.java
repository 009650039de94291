package vigil.operators.text;

import java.util.List;
import java.util.function.Consumer;

/**
 * Prints single-thread throughput of the text path on short customer messages: redaction,
 * analyze() and the deep sentiment path, plus load times. A main, not a test: no timed assertions.
 * Run: java -cp "operators test classpath" vigil.operators.text.TextThroughput [seconds] [deepMessages]
 */
public final class TextThroughput {
    static final List<String> MESSAGES = List.of(
            "I was charged twice this month, please refund me",
            "No internet since 6am, router lights blinking red",
            "I want to cancel my subscription",
            "Where is my new modem? Order #12345678 never arrived",
            "The agent was rude and hung up on me",
            "Thanks a lot, Maria was really helpful!",
            "Call me back on +44 20 7946 0958 please",
            "My Fiber 500 is so slow in the evening",
            "App keeps crashing when I log in",
            "Hi, what time do you open on Saturday?",
            "Your prices went up again, too expensive",
            "SIM card broken, need a replacement for Mobile 10GB",
            "email me at jane.doe@example.com about my bill",
            "The set-top box freezes every night.",
            "ok thanks bye",
            "Is the Home Bundle cheaper than Business Pro?");
    static final List<String> WITH_PII = List.of(
            "Call me back on +44 20 7946 0958 please",
            "email me at jane.doe@example.com about my bill",
            "card 4111 1111 1111 1111 was charged twice on 2024-03-15",
            "refund to DE89 3704 0044 0532 0130 00, order #12345678",
            "my number is (555) 123-4567, not 555-987-6543");

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int deepMessages = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PiiRedactor redactor = PiiRedactor.shared();
        report("redaction (mixed messages)", seconds, MESSAGES, redactor::redact);
        report("redaction (every message has PII)", seconds, WITH_PII, redactor::redact);

        long start = System.nanoTime();
        TextAnalyzer analyzer = TextAnalyzer.shared();
        analyzer.analyze("warm up.");
        System.out.printf("analyzer load (pipeline, taxonomy, catalog): %d ms%n", (System.nanoTime() - start) / 1_000_000);
        report("analyze()", seconds, MESSAGES, analyzer::analyze);

        if (deepMessages > 0) {
            start = System.nanoTime();
            DeepSentiment deep = DeepSentiment.shared();
            deep.score("warm up.");
            System.out.printf("deep sentiment load: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            for (int i = 0; i < deepMessages; i++) {
                deep.score(MESSAGES.get(i % MESSAGES.size()));
            }
            System.out.printf("deep path: %.0f msgs/s%n", deepMessages / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static void report(String name, double seconds, List<String> messages, Consumer<String> work) {
        for (int i = 0; i < 20_000; i++) {
            work.accept(messages.get(i % messages.size()));
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < deadline) {
            for (String message : messages) {
                work.accept(message);
            }
            count += messages.size();
        }
        System.out.printf("%s: %.0f msgs/s%n", name, count / ((System.nanoTime() - start) / 1e9));
    }
}
