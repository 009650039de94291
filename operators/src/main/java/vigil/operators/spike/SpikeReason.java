package vigil.operators.spike;

import vigil.schemas.Channel;
import vigil.schemas.OpenSpike;
import vigil.schemas.SpikeEvidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The readable side of a spike alert: its reason and its evidence references. */
final class SpikeReason {
    private SpikeReason() {}

    /** e.g. "billing complaints at 4.2x their baseline in CALL (38 in 30 s, expected 9.1, z 9.5) and ..." */
    static String rising(String topic, WindowVerdict verdict, long windowMs, int customers) {
        String sources = (verdict.fires ? verdict.rising : verdict.anomalous).stream().map(r -> r.describe(windowMs)).collect(Collectors.joining(" and "));
        return String.format(Locale.ROOT, "%s complaints at %.1fx their baseline in %s; %d customers affected",
                topic, verdict.lift, sources.isEmpty() ? "no source now" : sources, customers);
    }

    static String resolved(String topic, OpenSpike open, long quietMs, int customers) {
        return String.format(Locale.ROOT, "%s complaints back to baseline: no anomalous source for %d s "
                        + "(peak %.1fx in %s); %d customers affected", topic, quietMs / 1000, open.getPeakLift(),
                open.getSources().stream().map(Channel::name).collect(Collectors.joining(", ")), customers);
    }

    /** "CHAT ev-123: <redacted text>", newest first, the alert's sources before others. */
    static List<String> evidence(List<SpikeEvidence> samples, List<Channel> sources, int max) {
        List<SpikeEvidence> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing((SpikeEvidence e) -> !sources.contains(e.getChannel()))
                .thenComparing(SpikeEvidence::getTimestamp, Comparator.reverseOrder()));
        List<String> out = new ArrayList<>();
        for (SpikeEvidence e : sorted.subList(0, Math.min(max, sorted.size()))) {
            out.add(e.getChannel() + " " + e.getInteractionId() + (e.getText() == null ? "" : ": " + e.getText()));
        }
        return out;
    }
}
