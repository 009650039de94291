package vigil.operators.spike;

import vigil.schemas.Channel;
import vigil.schemas.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * One slide of one topic, every source's evidence read together: do enough sources rise together with
 * enough evidence between them (or one alone, extremely), and how severe.
 */
final class WindowVerdict {
    final List<SourceReading> readings;
    /** Sources with enough evidence of their own: the alert's sources. */
    final List<SourceReading> rising = new ArrayList<>();
    /** Evidence summed over the rising sources, nats. */
    final double evidence;
    /** The opening rule holds in this slide (persistence is the caller's). */
    final boolean fires;
    final double lift;

    WindowVerdict(List<SourceReading> readings, SpikeSettings settings) {
        this.readings = readings;
        boolean extreme = false;
        double total = 0;
        double observed = 0;
        double expected = 0;
        for (SourceReading reading : readings) {
            extreme |= reading.extreme;
            if (reading.rising) {
                rising.add(reading);
                total += reading.evidence;
                observed += reading.count;
                expected += reading.expected;
            }
        }
        this.evidence = total;
        this.fires = (rising.size() >= settings.minSources && total >= settings.threshold) || extreme;
        this.lift = expected > 0 ? observed / expected : 0;
    }

    List<Channel> risingSources() {
        List<Channel> sources = new ArrayList<>();
        rising.forEach(reading -> sources.add(reading.channel));
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
