package vigil.operators.spike;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Alert;
import vigil.schemas.AlertStatus;
import vigil.schemas.Channel;
import vigil.schemas.OpenSpike;
import vigil.schemas.Severity;
import vigil.schemas.SourceBaseline;
import vigil.schemas.SpikeBucket;
import vigil.schemas.SpikeEvidence;
import vigil.schemas.SpikeState;
import vigil.schemas.TopicSignal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cross-source spike detection, keyed by problem topic. Negative interactions are counted per source
 * (each customer at most once per source and window) in event-time buckets of one slide; at the end of
 * every slide (an event-time timer) each source's count is added to its evidence of a rise against its
 * learned baseline ({@link BaselineModel}: a Poisson CUSUM). An alert opens when enough sources rise
 * together with enough evidence between them (or one alone, extremely) for {@code persistence}
 * slides in a row, is updated when it grows or spreads, and resolves after a quiet period, followed by
 * a cool-down. Nothing fires before the baseline has seen the warm-up's worth of full windows.
 */
public class SpikeDetector extends KeyedProcessFunction<String, TopicSignal, Alert> {
    public static final String DETECTOR = "spike-detector/cusum";
    private static final Channel[] CHANNELS = Channel.values();
    private static final int MAX_EVIDENCE_CHARS = 160;
    private static final double[] ONES = ones();

    private final SpikeSettings settings;

    private transient ValueState<SpikeState> state;
    private transient MapState<String, Long> customers;
    private transient MapState<String, Long> counted;
    private transient MapState<Long, double[]> factors;
    private transient Counter opened;
    private transient Counter suppressed;
    private transient Counter late;

    public SpikeDetector(SpikeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        state = getRuntimeContext().getState(SpikeDescriptors.state());
        customers = getRuntimeContext().getMapState(SpikeDescriptors.customers());
        counted = getRuntimeContext().getMapState(SpikeDescriptors.counted());
        factors = getRuntimeContext().getMapState(SpikeDescriptors.factors());
        opened = getRuntimeContext().getMetricGroup().counter("spikeAlertsOpened");
        suppressed = getRuntimeContext().getMetricGroup().counter("spikeAlertsSuppressedByCoolDown");
        late = getRuntimeContext().getMetricGroup().counter("spikeSignalsTooLate");
    }

    @Override
    public void processElement(TopicSignal signal, Context ctx, Collector<Alert> out) throws Exception {
        if (signal.getSourceFactor() != null) {
            rememberFactor(signal);
            return;
        }
        long bucket = signal.getTimestamp() - Math.floorMod(signal.getTimestamp(), settings.slideMs);
        SpikeState s = mutable(state.value());
        if (s == null) {
            s = SpikeState.newBuilder().setFirstBucket(bucket).setNextWindowEnd(bucket + settings.slideMs)
                    .setScheduled(false).setWindowsSeen(0).setBaselines(freshBaselines())
                    .setBuckets(new ArrayList<>()).setEvidence(new ArrayList<>()).setFiringSlides(0).build();
        } else if (!s.getScheduled()) {
            catchUp(s, bucket);
        }
        if (bucket < s.getNextWindowEnd() - settings.windowMs) {
            late.inc();
            return;
        }
        if (!s.getScheduled()) {
            s.setScheduled(true);
            ctx.timerService().registerEventTimeTimer(s.getNextWindowEnd());
        }
        // A customer counts once per source and window: one angry conversation of six messages is not a spike.
        String who = signal.getChannel() + "|" + signal.getCustomerId();
        Long last = counted.get(who);
        if (last == null || Math.abs(signal.getTimestamp() - last) >= settings.windowMs) {
            counted.put(who, signal.getTimestamp());
            count(s, bucket, signal.getChannel());
        }
        keepEvidence(s, signal);
        customers.put(signal.getCustomerId(), signal.getTimestamp());
        state.update(s);
    }

    @Override
    public void onTimer(long windowEnd, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        SpikeState s = mutable(state.value());
        if (s == null || windowEnd != s.getNextWindowEnd()) {
            return;
        }
        int[] counts = windowCounts(s, windowEnd);
        double[] sourceFactors = takeFactors(windowEnd);
        if (s.getWindowsSeen() >= settings.warmUpWindows()) {
            int[] slide = slideCounts(s, windowEnd);
            double backToBaseline = backToBaseline(s, slide, sourceFactors);
            accumulate(s, slide, sourceFactors);
            List<SourceReading> readings = new ArrayList<>();
            for (SourceBaseline baseline : s.getBaselines()) {
                readings.add(new SourceReading(baseline, settings));
            }
            WindowVerdict verdict = new WindowVerdict(readings, settings);
            s.setFiringSlides(verdict.fires ? s.getFiringSlides() + 1 : 0);
            lifecycle(s, verdict, backToBaseline, windowEnd, ctx.getCurrentKey(), out);
        }
        if (windowEnd - settings.windowMs >= s.getFirstBucket()) {
            learn(s, counts);
        }
        long nextEnd = windowEnd + settings.slideMs;
        s.getBuckets().removeIf(b -> b.getStart() < nextEnd - settings.windowMs);
        s.getEvidence().removeIf(e -> e.getTimestamp() < nextEnd - settings.windowMs);
        forgetCountedBefore(nextEnd - 2 * settings.windowMs);
        if (s.getOpen() == null && s.getBuckets().isEmpty()) {
            customers.clear();
            counted.clear();
        } else if (s.getOpen() == null) {
            forgetCustomersBefore(nextEnd - settings.windowMs);
        }
        s.setNextWindowEnd(nextEnd);
        // An idle topic sets no timers; its next signal catches the baseline up (see catchUp).
        s.setScheduled(!s.getBuckets().isEmpty() || s.getOpen() != null);
        if (s.getScheduled()) {
            ctx.timerService().registerEventTimeTimer(nextEnd);
        } else {
            factors.clear();
        }
        state.update(s);
    }

    /**
     * A source-volume reading ({@link SourceVolumes}) for a slide still to be read: kept until that slide's timer.
     * A topic without a timer (idle) ignores it: its empty slides are folded in at its baseline.
     */
    private void rememberFactor(TopicSignal reading) throws Exception {
        SpikeState s = state.value();
        long slideEnd = reading.getTimestamp() - Math.floorMod(reading.getTimestamp(), settings.slideMs) + settings.slideMs;
        if (s == null || !s.getScheduled() || slideEnd < s.getNextWindowEnd()) {
            return;
        }
        double[] bySource = factors.get(slideEnd);
        if (bySource == null) {
            bySource = ones();
        }
        bySource[reading.getChannel().ordinal()] = reading.getSourceFactor();
        factors.put(slideEnd, bySource);
    }

    /** The source factors of the slide ending at {@code slideEnd} (1 where none came), forgetting it and older ones. */
    private double[] takeFactors(long slideEnd) throws Exception {
        double[] bySource = factors.get(slideEnd);
        Iterator<Long> slides = factors.keys().iterator();
        while (slides.hasNext()) {
            if (slides.next() <= slideEnd) {
                slides.remove();
            }
        }
        return bySource == null ? ones() : bySource;
    }

    /**
     * An open alert's evidence that it is over: the opposite log-likelihood ratio (baseline against rise),
     * summed over the alert's sources for this slide; 0 without an open alert.
     */
    private double backToBaseline(SpikeState s, int[] slideCounts, double[] sourceFactors) {
        OpenSpike open = s.getOpen();
        double sum = 0;
        if (open != null) {
            for (SourceBaseline baseline : s.getBaselines()) {
                if (open.getSources().contains(baseline.getChannel())) {
                    int source = baseline.getChannel().ordinal();
                    sum -= BaselineModel.step(baseline, slideCounts[source], settings, sourceFactors[source]);
                }
            }
        }
        return sum;
    }

    private void lifecycle(SpikeState s, WindowVerdict verdict, double backToBaseline, long windowEnd, String topic,
                           Collector<Alert> out) throws Exception {
        OpenSpike open = s.getOpen();
        if (open == null) {
            if (s.getFiringSlides() < settings.persistence) {
                return;
            }
            if (windowEnd < s.getCoolDownUntil()) {
                suppressed.inc();
                return;
            }
            List<Channel> sources = verdict.risingSources();
            open = OpenSpike.newBuilder().setAlertId(alertId(topic, windowEnd)).setOpenedAt(windowEnd)
                    .setLastAnomalousAt(windowEnd).setSeverity(WindowVerdict.severity(sources.size(), verdict.lift))
                    .setSources(sources).setReportedCustomers(affectedCustomers()).setPeakLift(verdict.lift)
                    .setEndEvidence(0).build();
            s.setOpen(open);
            opened.inc();
            out.collect(alert(s, open, AlertStatus.OPENED, windowEnd, topic,
                    SpikeReason.rising(topic, verdict, open.getReportedCustomers())));
            return;
        }
        // A CUSUM of "back at the baseline": it stays at zero while the rise goes on and climbs once it ends.
        // Capped, so that a rise resuming within the quiet period keeps the alert open.
        open.setEndEvidence(Math.min(2 * settings.resolveEvidence, Math.max(0, open.getEndEvidence() + backToBaseline)));
        if (open.getEndEvidence() < settings.resolveEvidence) {
            open.setLastAnomalousAt(windowEnd);
            TreeSet<Channel> sources = new TreeSet<>(open.getSources());
            sources.addAll(verdict.risingSources());
            open.setPeakLift(Math.max(open.getPeakLift(), verdict.lift));
            Severity severity = WindowVerdict.severity(sources.size(), open.getPeakLift());
            int affected = affectedCustomers();
            boolean grew = severity.compareTo(open.getSeverity()) > 0 || sources.size() > open.getSources().size()
                    || affected >= Math.max(open.getReportedCustomers() + 5, 1.5 * open.getReportedCustomers());
            if (grew) {
                open.setSeverity(severity.compareTo(open.getSeverity()) > 0 ? severity : open.getSeverity());
                open.setSources(new ArrayList<>(sources));
                open.setReportedCustomers(affected);
                out.collect(alert(s, open, AlertStatus.UPDATED, windowEnd, topic,
                        SpikeReason.rising(topic, verdict, affected)));
            }
        } else if (windowEnd - open.getLastAnomalousAt() >= settings.quietMs) {
            int affected = affectedCustomers();
            open.setReportedCustomers(affected);
            out.collect(alert(s, open, AlertStatus.RESOLVED, windowEnd, topic,
                    SpikeReason.resolved(topic, open, settings.quietMs, affected)));
            s.setOpen(null);
            customers.clear();
            s.setCoolDownUntil(windowEnd + settings.coolDownMs);
            // The evidence starts again from zero (Page's test restarts after an alarm): what the incident
            // left in it must not reopen an alert after the cool-down.
            s.getBaselines().forEach(BaselineModel::reset);
            s.setFiringSlides(0);
        }
    }

    /** Adds one slide's counts to every source's evidence (after the warm-up), against baselines scaled by the source's volume. */
    private void accumulate(SpikeState s, int[] slideCounts, double[] sourceFactors) {
        for (SourceBaseline baseline : s.getBaselines()) {
            int source = baseline.getChannel().ordinal();
            BaselineModel.accumulate(baseline, slideCounts[source], settings, sourceFactors[source]);
        }
    }

    /** Folds a full window into every source's baseline. */
    private void learn(SpikeState s, int[] counts) {
        for (SourceBaseline baseline : s.getBaselines()) {
            BaselineModel.update(baseline, counts[baseline.getChannel().ordinal()], settings, s.getWindowsSeen());
        }
        if (s.getWindowsSeen() < Integer.MAX_VALUE) {
            s.setWindowsSeen(s.getWindowsSeen() + 1);
        }
    }

    /** An idle topic's windows up to the one containing {@code bucket} were empty: fold them in as zeros. */
    private void catchUp(SpikeState s, long bucket) {
        int[] zeros = new int[CHANNELS.length];
        while (s.getNextWindowEnd() <= bucket) {
            s.setFiringSlides(0);
            if (s.getWindowsSeen() >= settings.warmUpWindows()) {
                accumulate(s, zeros, ONES);
            }
            if (s.getNextWindowEnd() - settings.windowMs >= s.getFirstBucket()) {
                learn(s, zeros);
            }
            s.setNextWindowEnd(s.getNextWindowEnd() + settings.slideMs);
        }
    }

    private void count(SpikeState s, long bucketStart, Channel channel) {
        SpikeBucket bucket = null;
        for (SpikeBucket b : s.getBuckets()) {
            if (b.getStart() == bucketStart) {
                bucket = b;
            }
        }
        if (bucket == null) {
            List<Integer> zeros = new ArrayList<>();
            for (int i = 0; i < CHANNELS.length; i++) {
                zeros.add(0);
            }
            bucket = SpikeBucket.newBuilder().setStart(bucketStart).setCounts(zeros).build();
            s.getBuckets().add(bucket);
        }
        bucket.getCounts().set(channel.ordinal(), bucket.getCounts().get(channel.ordinal()) + 1);
    }

    private int[] windowCounts(SpikeState s, long windowEnd) {
        return counts(s, windowEnd - settings.windowMs, windowEnd);
    }

    /** The counts of the slide that ends at {@code end}. */
    private int[] slideCounts(SpikeState s, long end) {
        return counts(s, end - settings.slideMs, end);
    }

    private int[] counts(SpikeState s, long from, long until) {
        int[] counts = new int[CHANNELS.length];
        for (SpikeBucket bucket : s.getBuckets()) {
            if (bucket.getStart() >= from && bucket.getStart() < until) {
                for (int i = 0; i < CHANNELS.length; i++) {
                    counts[i] += bucket.getCounts().get(i);
                }
            }
        }
        return counts;
    }

    /** The latest few samples per source, texts already redacted by the analyzer. */
    private void keepEvidence(SpikeState s, TopicSignal signal) {
        if (settings.evidenceSamples == 0) {
            return;
        }
        String text = signal.getEvidence();
        if (text != null && text.length() > MAX_EVIDENCE_CHARS) {
            text = text.substring(0, MAX_EVIDENCE_CHARS - 1) + "…";
        }
        List<SpikeEvidence> evidence = s.getEvidence();
        evidence.add(SpikeEvidence.newBuilder().setInteractionId(signal.getInteractionId())
                .setChannel(signal.getChannel()).setTimestamp(signal.getTimestamp()).setText(text).build());
        long sameSource = evidence.stream().filter(e -> e.getChannel() == signal.getChannel()).count();
        if (sameSource > settings.evidenceSamples) {
            SpikeEvidence oldest = null;
            for (SpikeEvidence e : evidence) {
                if (e.getChannel() == signal.getChannel() && (oldest == null || e.getTimestamp() < oldest.getTimestamp())) {
                    oldest = e;
                }
            }
            evidence.remove(oldest);
        }
    }

    private int affectedCustomers() throws Exception {
        int n = 0;
        for (Iterator<String> it = customers.keys().iterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    private void forgetCountedBefore(long time) throws Exception {
        Iterator<Map.Entry<String, Long>> it = counted.iterator();
        while (it.hasNext()) {
            if (it.next().getValue() < time) {
                it.remove();
            }
        }
    }

    private void forgetCustomersBefore(long time) throws Exception {
        Iterator<Map.Entry<String, Long>> it = customers.iterator();
        while (it.hasNext()) {
            if (it.next().getValue() < time) {
                it.remove();
            }
        }
    }

    private Alert alert(SpikeState s, OpenSpike open, AlertStatus status, long time, String topic, String reason) {
        List<Channel> sources = new ArrayList<>(new TreeSet<>(open.getSources()));
        return Alert.newBuilder().setAlertId(open.getAlertId()).setStatus(status).setSeverity(open.getSeverity())
                .setDetector(DETECTOR).setTopic(topic).setSources(sources).setCustomerId(null)
                .setAffectedCustomers(open.getReportedCustomers()).setReason(reason)
                .setEvidence(SpikeReason.evidence(s.getEvidence(), sources, settings.evidenceSamples))
                .setOpenedAt(open.getOpenedAt()).setUpdatedAt(time).build();
    }

    /** Stable: the same traffic gives the same id, e.g. spike:billing:1735690200000. */
    static String alertId(String topic, long openedAt) {
        return "spike:" + topic + ":" + openedAt;
    }

    /** State read back from RocksDB holds Avro arrays whose iterators cannot remove. */
    private static SpikeState mutable(SpikeState s) {
        if (s != null) {
            s.setBuckets(new ArrayList<>(s.getBuckets()));
            s.setEvidence(new ArrayList<>(s.getEvidence()));
        }
        return s;
    }

    /** A factor of 1 for every source: baselines as learned. */
    private static double[] ones() {
        double[] ones = new double[CHANNELS.length];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    private static List<SourceBaseline> freshBaselines() {
        List<SourceBaseline> baselines = new ArrayList<>();
        for (Channel channel : CHANNELS) {
            baselines.add(SourceBaseline.newBuilder().setChannel(channel).setMean(0).setVariance(0).setTrend(0).setEvidence(0)
                    .setRunCount(0).setRunExpected(0).setRunSlides(0).build());
        }
        return baselines;
    }
}
