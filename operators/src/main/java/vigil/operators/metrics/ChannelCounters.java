package vigil.operators.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import vigil.schemas.Channel;

import java.util.EnumMap;
import java.util.Map;

/** One counter per channel, registered as {@code channel.<CHANNEL>.<name>} (label {@code channel} in Prometheus). */
public final class ChannelCounters {
    private final Map<Channel, Counter> counters = new EnumMap<>(Channel.class);

    public ChannelCounters(MetricGroup group, String name) {
        for (Channel channel : Channel.values()) {
            counters.put(channel, group.addGroup("channel", channel.name()).counter(name));
        }
    }

    public void inc(Channel channel) {
        counters.get(channel).inc();
    }

    public long count(Channel channel) {
        return counters.get(channel).getCount();
    }
}
