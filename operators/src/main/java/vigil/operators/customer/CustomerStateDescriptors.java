package vigil.operators.customer;

import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import vigil.schemas.CustomerState;

/** Every piece of per-customer state, declared once. Erasure clears each descriptor listed here. */
public final class CustomerStateDescriptors {
    /** RocksDB compaction checks this many entries between refreshes of the current time. */
    private static final long TTL_COMPACTION_QUERY_INTERVAL = 1000;

    private CustomerStateDescriptors() {}

    public static ValueStateDescriptor<CustomerState> customer(StateSettings settings) {
        ValueStateDescriptor<CustomerState> descriptor =
                new ValueStateDescriptor<>("customer", new AvroTypeInfo<>(CustomerState.class));
        descriptor.enableTimeToLive(ttl(settings));
        return descriptor;
    }

    /** Expires a customer not updated for the TTL; reads never see expired state. */
    static StateTtlConfig ttl(StateSettings settings) {
        return StateTtlConfig.newBuilder(Time.milliseconds(settings.ttlMs()))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupFullSnapshot()
                .cleanupIncrementally(10, false)
                .cleanupInRocksdbCompactFilter(TTL_COMPACTION_QUERY_INTERVAL)
                .build();
    }
}
