package vigil.jobs.eval;

import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.TrafficGenerator;
import vigil.operators.decode.RawRecord;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The scenario's traffic as a bounded input, generated where the source runs (nothing is held in
 * memory or shipped with the job graph): records in event-time order until the scenario's end, as
 * Kafka would hand them over (topic, offset, timestamp, key, value).
 */
final class ScenarioInput implements Iterator<RawRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Scenario scenario;
    private transient TrafficGenerator generator;
    private transient GeneratedRecord next;
    private transient long end;
    private long offset;

    ScenarioInput(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public boolean hasNext() {
        if (generator == null) {
            generator = new TrafficGenerator(scenario.generatorSettings());
            end = scenario.endTime();
            next = generator.next();
        }
        return next.timestamp() < end;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GeneratedRecord record = next;
        next = generator.next();
        return new RawRecord(record.stream().defaultTopic(), 0, offset++, record.timestamp(),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value());
    }
}
