package vigil.operators.enrich;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;

/** Picks the channel interactions out of the customer events, for cx.enriched. */
public class InteractionsOnly implements FlatMapFunction<CustomerEvent, Interaction> {
    @Override
    public void flatMap(CustomerEvent event, Collector<Interaction> out) {
        if (event.getPayload() instanceof Interaction) {
            out.collect((Interaction) event.getPayload());
        }
    }
}
