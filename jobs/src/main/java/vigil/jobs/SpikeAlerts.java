package vigil.jobs;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import vigil.operators.spike.SourceVolumes;
import vigil.operators.spike.SpikeDetector;
import vigil.operators.spike.SpikeSettings;
import vigil.schemas.Alert;
import vigil.schemas.TopicSignal;

/**
 * The spike detector's wiring, shared by the scoring job and the alert replay: complaint signals keyed by
 * topic into the detector, together with each source's volume readings (keyed by source) when the baselines
 * are scaled by the source's volume ({@code spikes.volumeHalfLife} above 0).
 */
public final class SpikeAlerts {
    private SpikeAlerts() {}

    public static DataStream<Alert> detect(DataStream<TopicSignal> signals, SpikeSettings settings) {
        DataStream<TopicSignal> input = signals;
        if (settings.volumeHalfLifeMs > 0) {
            input = signals.union(signals.keyBy(signal -> signal.getChannel().name(), Types.STRING)
                    .process(new SourceVolumes(settings)).returns(new AvroTypeInfo<>(TopicSignal.class))
                    .uid("source-volumes").name("source volumes"));
        }
        return input.keyBy(TopicSignal::getTopic)
                .process(new SpikeDetector(settings))
                .uid("spike-detector").name("spike detector");
    }
}
