package vigil.jobs.eval;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.Collector;
import vigil.operators.spike.ComplaintSignals;
import vigil.operators.spike.SpikeSettings;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.TopicSignal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the complaint signals of an evaluation run (the analyzed interactions of the enriched output,
 * through {@link ComplaintSignals}), so the spike detector can be replayed on them in seconds instead
 * of running the text analyzer again: for tuning the detector, not for reported figures.
 */
final class SignalRecorder implements Sink<Interaction> {
    private static final Map<String, Queue<TopicSignal>> RESULTS = new ConcurrentHashMap<>();

    private final String name;
    private final SpikeSettings.Signals settings;

    SignalRecorder(String name, SpikeSettings.Signals settings) {
        this.name = name;
        this.settings = settings;
        RESULTS.put(name, new ConcurrentLinkedQueue<>());
    }

    /**
     * Writes the signals, in event-time order, to an Avro container file. Once each: a restarted job replays
     * its bounded input into this (non-transactional) recorder.
     */
    void save(Path file) throws IOException {
        Map<String, TopicSignal> once = new java.util.LinkedHashMap<>();
        RESULTS.get(name).forEach(signal -> once.putIfAbsent(signal.getInteractionId() + "|" + signal.getTopic(), signal));
        List<TopicSignal> signals = new ArrayList<>(once.values());
        signals.sort(Comparator.comparingLong(TopicSignal::getTimestamp));
        try (DataFileWriter<TopicSignal> writer = new DataFileWriter<>(new SpecificDatumWriter<>(TopicSignal.class))) {
            writer.create(TopicSignal.getClassSchema(), file.toFile());
            for (TopicSignal signal : signals) {
                writer.append(signal);
            }
        }
    }

    static List<TopicSignal> load(Path file) throws IOException {
        Map<String, TopicSignal> once = new java.util.LinkedHashMap<>();
        try (DataFileReader<TopicSignal> reader = new DataFileReader<>(new File(file.toString()),
                new SpecificDatumReader<>(TopicSignal.class))) {
            reader.forEach(signal -> once.putIfAbsent(signal.getInteractionId() + "|" + signal.getTopic(), signal));
        }
        List<TopicSignal> signals = new ArrayList<>(once.values());
        signals.sort(Comparator.comparingLong(TopicSignal::getTimestamp));
        return signals;
    }

    void release() {
        RESULTS.remove(name);
    }

    @Override
    public SinkWriter<Interaction> createWriter(InitContext context) {
        Queue<TopicSignal> queue = RESULTS.get(name);
        ComplaintSignals signals = new ComplaintSignals(settings);
        Collector<TopicSignal> into = new Collector<>() {
            @Override
            public void collect(TopicSignal signal) {
                queue.add(signal);
            }

            @Override
            public void close() {}
        };
        return new SinkWriter<>() {
            @Override
            public void write(Interaction interaction, Context ctx) {
                signals.flatMap(CustomerEvent.newBuilder().setCustomerId(interaction.getCustomerId())
                        .setTimestamp(interaction.getTimestamp()).setPayload(interaction).build(), into);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
