package vigil.operators.nba;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;

/**
 * Takes CATALOG_REPLACE control messages out of the customer event stream, onto
 * {@link #CATALOG_UPDATES}, from where the job broadcasts them to next-best-action. Everything else goes on.
 */
public class CatalogUpdateSplit extends ProcessFunction<CustomerEvent, CustomerEvent> {
    public static final OutputTag<ControlMessage> CATALOG_UPDATES =
            new OutputTag<>("catalog-updates", new AvroTypeInfo<>(ControlMessage.class)) {};

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<CustomerEvent> out) {
        if (event.getPayload() instanceof ControlMessage && CatalogControl.isCatalogMessage((ControlMessage) event.getPayload())) {
            ctx.output(CATALOG_UPDATES, (ControlMessage) event.getPayload());
        } else {
            out.collect(event);
        }
    }
}
