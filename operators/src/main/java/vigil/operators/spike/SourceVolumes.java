package vigil.operators.spike;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vigil.schemas.Channel;
import vigil.schemas.SourceVolumeState;
import vigil.schemas.TopicSignal;
import vigil.schemas.TopicVolume;
import vigil.schemas.VolumeBucket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * How busy each source is, for the spike detector: keyed by source (the channel's name), it counts every
 * topic's complaints per slide and keeps two moving averages per topic, a recent one (half-life
 * {@code volumeHalfLife}) and a usual one (the baseline's half-life, so it lags a ramp as a baseline does).
 * At the end of every slide it tells each topic how far the source's <em>other</em> topics run above their
 * usual rate together: a daily ramp or a busy hour lifts every topic of a source, an incident one topic, so
 * a topic's baseline is scaled by what its neighbours show and not by its own rise. Only factors above 1.01 are
 * sent (a reading is a {@link TopicSignal} with {@code sourceFactor} set, timestamped just before the slide's
 * end so that it reaches the detector before the watermark that closes the slide).
 */
public class SourceVolumes extends KeyedProcessFunction<String, TopicSignal, TopicSignal> {
    /** Factors up to this are not sent: the baseline as learned is as good. */
    private static final double NOT_SENT = 1.01;

    private final SpikeSettings settings;
    private transient ValueState<SourceVolumeState> state;

    public SourceVolumes(SpikeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        state = getRuntimeContext().getState(SpikeDescriptors.volumes());
    }

    @Override
    public void processElement(TopicSignal signal, Context ctx, Collector<TopicSignal> out) throws Exception {
        long bucket = signal.getTimestamp() - Math.floorMod(signal.getTimestamp(), settings.slideMs);
        SourceVolumeState s = mutable(state.value());
        if (s == null) {
            s = SourceVolumeState.newBuilder().setNextSlideEnd(bucket + settings.slideMs).setScheduled(false)
                    .setSlidesSeen(0).setBuckets(new ArrayList<>()).setTopics(new HashMap<>()).build();
        } else if (!s.getScheduled()) {
            while (s.getNextSlideEnd() <= bucket) {
                fold(s, Map.of());
                s.setNextSlideEnd(s.getNextSlideEnd() + settings.slideMs);
            }
        }
        if (bucket < s.getNextSlideEnd() - settings.slideMs) {
            return; // the slide was read already; the detector drops such a late signal too
        }
        VolumeBucket slide = null;
        for (VolumeBucket b : s.getBuckets()) {
            if (b.getStart() == bucket) {
                slide = b;
            }
        }
        if (slide == null) {
            slide = VolumeBucket.newBuilder().setStart(bucket).setCounts(new HashMap<>()).build();
            s.getBuckets().add(slide);
        }
        slide.getCounts().merge(signal.getTopic(), 1, Integer::sum);
        s.getTopics().computeIfAbsent(signal.getTopic(), topic -> new TopicVolume(0.0, 0.0));
        if (!s.getScheduled()) {
            s.setScheduled(true);
            ctx.timerService().registerEventTimeTimer(s.getNextSlideEnd());
        }
        state.update(s);
    }

    @Override
    public void onTimer(long slideEnd, OnTimerContext ctx, Collector<TopicSignal> out) throws Exception {
        SourceVolumeState s = mutable(state.value());
        if (s == null || slideEnd != s.getNextSlideEnd()) {
            return;
        }
        Map<String, Integer> counts = Map.of();
        for (VolumeBucket b : s.getBuckets()) {
            if (b.getStart() == slideEnd - settings.slideMs) {
                counts = b.getCounts();
            }
        }
        fold(s, counts);
        s.getBuckets().removeIf(b -> b.getStart() < slideEnd);
        if (s.getSlidesSeen() >= settings.slidesPerWindow()) {
            emit(s, slideEnd, Channel.valueOf(ctx.getCurrentKey()), out);
        }
        s.setNextSlideEnd(slideEnd + settings.slideMs);
        // While the source is silent, no timers: its next complaint folds the empty slides in.
        s.setScheduled(!s.getBuckets().isEmpty());
        if (s.getScheduled()) {
            ctx.timerService().registerEventTimeTimer(s.getNextSlideEnd());
        }
        state.update(s);
    }

    /** Each topic's factor: the other topics' recent rate over their usual rate, when above 1 and busy enough. */
    private void emit(SourceVolumeState s, long slideEnd, Channel channel, Collector<TopicSignal> out) {
        double recent = 0;
        double usual = 0;
        for (TopicVolume v : s.getTopics().values()) {
            recent += v.getRecent();
            usual += v.getUsual();
        }
        for (Map.Entry<String, TopicVolume> topic : s.getTopics().entrySet()) {
            double othersUsual = usual - topic.getValue().getUsual();
            double othersRecent = recent - topic.getValue().getRecent();
            if (othersUsual * settings.slidesPerWindow() < settings.minVolume || othersRecent <= othersUsual * NOT_SENT) {
                continue;
            }
            out.collect(TopicSignal.newBuilder().setTopic(topic.getKey()).setChannel(channel).setTimestamp(slideEnd - 1)
                    .setInteractionId("").setCustomerId("").setSourceFactor(othersRecent / othersUsual).build());
        }
    }

    /** One slide's counts into every topic's recent and usual rate; the first slides are averaged plainly. */
    private void fold(SourceVolumeState s, Map<String, Integer> counts) {
        double seen = s.getSlidesSeen();
        double fast = Math.max(settings.volumeAlpha(), 1 / (seen + 1));
        double slow = Math.max(settings.alpha(), 1 / (seen + 1));
        for (Map.Entry<String, TopicVolume> topic : s.getTopics().entrySet()) {
            int count = counts.getOrDefault(topic.getKey(), 0);
            TopicVolume v = topic.getValue();
            v.setRecent(v.getRecent() + fast * (count - v.getRecent()));
            v.setUsual(v.getUsual() + slow * (count - v.getUsual()));
        }
        if (s.getSlidesSeen() < Integer.MAX_VALUE) {
            s.setSlidesSeen(s.getSlidesSeen() + 1);
        }
    }

    /** State read back from RocksDB holds Avro collections; work on plain ones. */
    private static SourceVolumeState mutable(SourceVolumeState s) {
        if (s != null) {
            s.setBuckets(new ArrayList<>(s.getBuckets()));
            s.setTopics(new HashMap<>(s.getTopics()));
            s.getBuckets().forEach(b -> b.setCounts(new HashMap<>(b.getCounts())));
        }
        return s;
    }
}
