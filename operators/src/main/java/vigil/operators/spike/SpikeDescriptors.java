package vigil.operators.spike;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import vigil.schemas.SourceVolumeState;
import vigil.schemas.SpikeState;

/** The spike detector's keyed state (per problem topic), declared once. */
final class SpikeDescriptors {
    private SpikeDescriptors() {}

    /** Window buckets, baselines, evidence samples and the open alert. */
    static ValueStateDescriptor<SpikeState> state() {
        return new ValueStateDescriptor<>("spike", new AvroTypeInfo<>(SpikeState.class));
    }

    /** Customers with a counted complaint: in the current window, or since the open alert's window began. */
    static MapStateDescriptor<String, Long> customers() {
        return new MapStateDescriptor<>("spike-customers", Types.STRING, Types.LONG);
    }

    /** Per source (SourceVolumes): complaint counts of the slides not yet read and each topic's recent and usual rate. */
    static ValueStateDescriptor<SourceVolumeState> volumes() {
        return new ValueStateDescriptor<>("source-volume", new AvroTypeInfo<>(SourceVolumeState.class));
    }

    /** Per topic: the source factors received for slides not yet read, by slide end (one per Channel ordinal, 1 if none). */
    static MapStateDescriptor<Long, double[]> factors() {
        return new MapStateDescriptor<>("spike-source-factors", Types.LONG, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    /** "CHANNEL|customer" to when that customer last counted in that source: one count per window. */
    static MapStateDescriptor<String, Long> counted() {
        return new MapStateDescriptor<>("spike-counted", Types.STRING, Types.LONG);
    }
}
