package vigil.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vigil.operators.sentiment.FastSentiment;
import vigil.operators.text.DeepSentiment;
import vigil.operators.text.TextAnalyzer;
import vigil.operators.text.Tokenization;

import java.util.List;

/**
 * Messages per second per core (one thread) on the same short synthetic customer messages:
 * CoreNLP tokenization alone, the fast sentiment path (tokenization included), the full analyzer
 * (redaction, topics, entities) and CoreNLP's deep sentiment path. One operation is one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class TextBenchmark {
    static final int MESSAGES = 500;

    private List<String> messages;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        messages = ShortMessages.first(MESSAGES);
    }

    private String message() {
        next = (next + 1) % messages.size();
        return messages.get(next);
    }

    @Benchmark
    public Object tokenizeOnly() {
        return Tokenization.words(message());
    }

    @Benchmark
    public Object fastPath() {
        return FastSentiment.shared().score(message());
    }

    @Benchmark
    public Object analyzer() {
        return TextAnalyzer.shared().analyze(message());
    }

    @Benchmark
    public Object deepPath() {
        return DeepSentiment.shared().score(message());
    }
}
