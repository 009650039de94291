package vigil.operators.spike;

import vigil.schemas.Channel;
import vigil.schemas.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * One window of one topic, every source read against its baseline: is the rise significant in one
 * source and corroborated by others (a weaker rise there is enough), or extreme in one; how severe.
 */
final class WindowVerdict {
    final List<SourceReading> readings;
    final List<SourceReading> anomalous = new ArrayList<>();
    /** The anomalous sources and those corroborating them: the alert's sources. */
    final List<SourceReading> rising = new ArrayList<>();
    final boolean fires;
    final double lift;

    WindowVerdict(List<SourceReading> readings, SpikeSettings settings) {
        this.readings = readings;
        boolean extreme = false;
        double observed = 0;
        double expected = 0;
        for (SourceReading reading : readings) {
            if (reading.anomalous) {
                anomalous.add(reading);
                extreme |= reading.extreme;
            }
            if (reading.corroborates) {
                rising.add(reading);
                observed += reading.count;
                expected += Math.max(BaselineModel.MIN_EXPECTED, reading.expected);
            }
        }
        this.fires = (!anomalous.isEmpty() && rising.size() >= settings.minSources) || extreme;
        this.lift = expected > 0 ? observed / expected : 0;
    }

    boolean anyAnomalous() {
        return !anomalous.isEmpty();
    }

    List<Channel> anomalousSources() {
        List<Channel> sources = new ArrayList<>();
        (fires ? rising : anomalous).forEach(reading -> sources.add(reading.channel));
        return sources;
    }

    /** By corroboration and size: three sources at 8x is critical, one source barely over is low. */
    static Severity severity(int sources, double lift) {
        if (sources >= 3 && lift >= 8) {
            return Severity.CRITICAL;
        }
        if (sources >= 3 || lift >= 5) {
            return Severity.HIGH;
        }
        return sources >= 2 ? Severity.MEDIUM : Severity.LOW;
    }
}
