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

    /**
     * e.g. "billing complaints at 3.2x their baseline in SOCIAL (23 in the last 15 s, expected 7.1, evidence
     * 9.8) and CHAT (...); evidence 13.1; 149 customers affected"
     */
    static String rising(String topic, WindowVerdict verdict, int customers) {
        String sources = verdict.rising.stream().map(SourceReading::describe).collect(Collectors.joining(" and "));
        return String.format(Locale.ROOT, "%s complaints at %.1fx their baseline in %s; evidence %.1f; %d customers "
                + "affected", topic, verdict.lift, sources.isEmpty() ? "no source now" : sources, verdict.evidence,
                customers);
    }

    static String resolved(String topic, OpenSpike open, long quietMs, int customers) {
        return String.format(Locale.ROOT, "%s complaints back to baseline: not enough evidence of a rise for %d s "
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
