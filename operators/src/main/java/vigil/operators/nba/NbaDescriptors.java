package vigil.operators.nba;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;
import vigil.schemas.ActionChange;
import vigil.schemas.CatalogStatus;
import vigil.schemas.NbaCustomerState;
import vigil.schemas.PropensityTable;
import vigil.schemas.SegmentModel;

/** Every piece of next-best-action state and its side outputs, declared once. Erasure clears each keyed one. */
public final class NbaDescriptors {
    /** Broadcast: {@link #CATALOG} to the catalog's JSON as last accepted. */
    public static final MapStateDescriptor<String, String> CATALOGS =
            new MapStateDescriptor<>("nba-catalog", Types.STRING, Types.STRING);
    public static final String CATALOG = "catalog";
    /** Broadcast: {@link #CURRENT} to the latest segment model. */
    public static final MapStateDescriptor<String, SegmentModel> SEGMENTS =
            new MapStateDescriptor<>("nba-segments", Types.STRING, new AvroTypeInfo<>(SegmentModel.class));
    /** Broadcast: {@link #CURRENT} to the latest propensity table. */
    public static final MapStateDescriptor<String, PropensityTable> PROPENSITIES =
            new MapStateDescriptor<>("nba-propensities", Types.STRING, new AvroTypeInfo<>(PropensityTable.class));
    /** Broadcast: topic to the id of the open spike alert on it. */
    public static final MapStateDescriptor<String, String> LIVE_ALERTS =
            new MapStateDescriptor<>("nba-live-alerts", Types.STRING, Types.STRING);
    public static final String CURRENT = "current";

    /** A customer's top action changed, for cx.actions. */
    public static final OutputTag<ActionChange> ACTION_CHANGES =
            new OutputTag<>("action-changes", new AvroTypeInfo<>(ActionChange.class)) {};
    /** One status per catalog message, from one subtask, for cx.catalog-status. */
    public static final OutputTag<CatalogStatus> CATALOG_STATUS =
            new OutputTag<>("catalog-status", new AvroTypeInfo<>(CatalogStatus.class)) {};

    private static final long TTL_COMPACTION_QUERY_INTERVAL = 1000;

    private NbaDescriptors() {}

    static ValueStateDescriptor<NbaCustomerState> customer(long ttlMs) {
        ValueStateDescriptor<NbaCustomerState> descriptor =
                new ValueStateDescriptor<>("nba-customer", new AvroTypeInfo<>(NbaCustomerState.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Time.milliseconds(ttlMs))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupFullSnapshot()
                .cleanupIncrementally(10, false)
                .cleanupInRocksdbCompactFilter(TTL_COMPACTION_QUERY_INTERVAL)
                .build());
        return descriptor;
    }

    /** Event time of the pending history-expiry timer; one per customer. */
    static ValueStateDescriptor<Long> expiry() {
        return new ValueStateDescriptor<>("nba-history-expiry", Types.LONG);
    }
}
