package vigil.operators.rules;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;
import vigil.schemas.RuleCustomerState;
import vigil.schemas.RuleEntry;
import vigil.schemas.RuleStatus;

/** Every piece of the customer rules' state and their side output, declared once. Erasure clears each keyed one. */
public final class RuleDescriptors {
    /** Broadcast state: rule id to the rule as last accepted (or deleted). */
    public static final MapStateDescriptor<String, RuleEntry> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, new AvroTypeInfo<>(RuleEntry.class));
    /** One status per rule control message, from one subtask. */
    public static final OutputTag<RuleStatus> RULE_STATUS =
            new OutputTag<>("rule-status", new AvroTypeInfo<>(RuleStatus.class)) {};

    static final String CUSTOMER = "rule-customer";
    static final String EXPIRY = "rule-customer-expiry";

    private RuleDescriptors() {}

    static ValueStateDescriptor<RuleCustomerState> customer() {
        return new ValueStateDescriptor<>(CUSTOMER, new AvroTypeInfo<>(RuleCustomerState.class));
    }

    /** Event time of the pending expiry timer; one per customer. */
    static ValueStateDescriptor<Long> expiry() {
        return new ValueStateDescriptor<>(EXPIRY, Types.LONG);
    }
}
