package vigil.bench.state;

import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.generator.GeneratedRecord;
import vigil.jobs.generator.GeneratorSettings;
import vigil.jobs.generator.TrafficGenerator;
import vigil.operators.decode.DecodeFunction;
import vigil.operators.decode.RawRecord;
import vigil.operators.enrich.AnalyzeFunction;
import vigil.schemas.CustomerEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic per-customer histories as the job sees them: the generator's mixed traffic for a number
 * of customers, decoded and text-analyzed by the job's own functions, in event-time order.
 */
final class SampleCustomers {
    private SampleCustomers() {}

    static List<CustomerEvent> events(VigilConfig config, int customers, long records, long seed) throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder().customers(customers).seed(seed)
                .eventsPerSecond(2).malformedFraction(0).build();
        TrafficGenerator generator = new TrafficGenerator(settings);
        var decode = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction(config.decodeSettings()));
        decode.setProcessingTime(System.currentTimeMillis()); // the decoder rejects events ahead of the job's clock
        var analyze = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new AnalyzeFunction(config.analysisSettings())));
        analyze.open();
        List<CustomerEvent> events = new ArrayList<>();
        try {
            for (long i = 0; i < records; i++) {
                GeneratedRecord record = generator.next();
                decode.processElement(new RawRecord(config.topic(record.stream()), 0, i, record.timestamp(),
                        record.key() == null ? null : record.key().getBytes(), record.value()), record.timestamp());
                for (CustomerEvent event : decode.extractOutputValues()) {
                    analyze.processElement(event, event.getTimestamp());
                }
                decode.getOutput().clear();
                for (CustomerEvent event : analyze.extractOutputValues()) {
                    events.add(event);
                }
                analyze.getOutput().clear();
            }
        } finally {
            decode.close();
            analyze.close();
        }
        return events;
    }
}
