package vigil.operators.churn.stream;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vigil.operators.churn.ModelUpdates;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;

/**
 * Takes MODEL_UPDATE control messages out of the customer event stream, onto {@link #MODEL_UPDATES},
 * from where the job broadcasts them to the churn scorer and the online learner. Everything else
 * goes on to customer state.
 */
public class ModelUpdateSplit extends ProcessFunction<CustomerEvent, CustomerEvent> {
    public static final OutputTag<ControlMessage> MODEL_UPDATES =
            new OutputTag<>("model-updates", new AvroTypeInfo<>(ControlMessage.class)) {};

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<CustomerEvent> out) {
        if (event.getPayload() instanceof ControlMessage && ModelUpdates.isModelUpdate((ControlMessage) event.getPayload())) {
            ctx.output(MODEL_UPDATES, (ControlMessage) event.getPayload());
        } else {
            out.collect(event);
        }
    }
}
