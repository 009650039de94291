package vigil.operators.enrich;

import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Collector;
import vigil.operators.metrics.ChannelCounters;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;

/** Picks the channel interactions out of the customer events, for cx.enriched; counts them per channel. */
public class InteractionsOnly extends RichFlatMapFunction<CustomerEvent, Interaction> {
    private transient ChannelCounters eventsOut;

    @Override
    public void open(Configuration parameters) {
        eventsOut = new ChannelCounters(getRuntimeContext().getMetricGroup(), "eventsOut");
    }

    @Override
    public void flatMap(CustomerEvent event, Collector<Interaction> out) {
        if (event.getPayload() instanceof Interaction) {
            Interaction interaction = (Interaction) event.getPayload();
            eventsOut.inc(interaction.getChannel());
            out.collect(interaction);
        }
    }

    /** For tests: interactions passed on for the channel. */
    long eventsOut(vigil.schemas.Channel channel) {
        return eventsOut.count(channel);
    }
}
