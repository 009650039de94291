package vigil.operators.rules;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vigil.schemas.ControlMessage;
import vigil.schemas.CustomerEvent;

/**
 * Takes rule control messages (RULE_UPSERT, RULE_PAUSE, RULE_DELETE) out of the customer event stream,
 * onto {@link #RULE_UPDATES}, from where the job broadcasts them to the customer rules. Everything else
 * goes on.
 */
public class RuleUpdateSplit extends ProcessFunction<CustomerEvent, CustomerEvent> {
    public static final OutputTag<ControlMessage> RULE_UPDATES =
            new OutputTag<>("rule-updates", new AvroTypeInfo<>(ControlMessage.class)) {};

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<CustomerEvent> out) {
        if (event.getPayload() instanceof ControlMessage && RuleControl.isRuleMessage((ControlMessage) event.getPayload())) {
            ctx.output(RULE_UPDATES, (ControlMessage) event.getPayload());
        } else {
            out.collect(event);
        }
    }
}
