package vigil.operators.churn.stream;

import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;
import vigil.schemas.FeatureSnapshot;
import vigil.schemas.LabelHistory;
import vigil.schemas.LabeledExample;
import vigil.schemas.PublishedChurn;

/**
 * Every piece of the churn scorer's state and its side output, declared once. A tombstone clears
 * each keyed descriptor listed here.
 */
public final class ChurnStateDescriptors {
    /** Broadcast state: model slot ({@link #CHURN_MODEL}) to the model's JSON. */
    public static final MapStateDescriptor<String, String> MODELS =
            new MapStateDescriptor<>("churn-models", Types.STRING, Types.STRING);
    public static final String CHURN_MODEL = "churn";
    /** Outcomes joined with the features the customer had before them, for the online learner. */
    public static final OutputTag<LabeledExample> LABELED_EXAMPLES =
            new OutputTag<>("labeled-examples", new AvroTypeInfo<>(LabeledExample.class)) {};

    private static final long TTL_COMPACTION_QUERY_INTERVAL = 1000;

    private ChurnStateDescriptors() {}

    public static ValueStateDescriptor<PublishedChurn> published(ChurnSettings settings) {
        ValueStateDescriptor<PublishedChurn> descriptor =
                new ValueStateDescriptor<>("churn-published", new AvroTypeInfo<>(PublishedChurn.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Time.milliseconds(settings.stateTtlMs()))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupFullSnapshot()
                .cleanupIncrementally(10, false)
                .cleanupInRocksdbCompactFilter(TTL_COMPACTION_QUERY_INTERVAL)
                .build());
        return descriptor;
    }

    /** The label join's feature snapshots, as value arrays in a feature layout ({@link FeatureLayout}). */
    public static ValueStateDescriptor<LabelHistory> labelHistory() {
        return new ValueStateDescriptor<>("churn-label-history", new AvroTypeInfo<>(LabelHistory.class));
    }

    /**
     * The label join's history as earlier versions kept it (a list of name -> value maps); read only to
     * convert a restored customer's history on their next update, then cleared.
     */
    public static ListStateDescriptor<FeatureSnapshot> legacyHistory() {
        return new ListStateDescriptor<>("churn-feature-history", new AvroTypeInfo<>(FeatureSnapshot.class));
    }

    /** Event time at which the history is dropped; one timer per customer. */
    public static ValueStateDescriptor<Long> historyExpiry() {
        return new ValueStateDescriptor<>("churn-history-expiry", Types.LONG);
    }
}
