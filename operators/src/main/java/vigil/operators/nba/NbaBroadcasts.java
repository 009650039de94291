package vigil.operators.nba;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Alert;
import vigil.schemas.NbaBroadcast;

/** Wraps what next-best-action receives by broadcast into one type: catalogs, segment models, propensities, spike alerts. */
public final class NbaBroadcasts {
    private NbaBroadcasts() {}

    /** Catalog messages, segment models and propensity tables, as they are. */
    public static final class Wrap<T> implements MapFunction<T, NbaBroadcast> {
        @Override
        public NbaBroadcast map(T value) {
            return new NbaBroadcast(value);
        }
    }

    /** Spike alerts only (a topic, no customer): the live-alert context. */
    public static final class SpikeAlerts implements FlatMapFunction<Alert, NbaBroadcast> {
        @Override
        public void flatMap(Alert alert, Collector<NbaBroadcast> out) {
            if (alert.getCustomerId() == null && alert.getTopic() != null) {
                out.collect(new NbaBroadcast(alert));
            }
        }
    }
}
