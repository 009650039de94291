package vigil.operators.decode;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.schemas.CustomerEvent;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RecordCodec;
import vigil.schemas.codec.RejectCode;
import vigil.schemas.streams.StreamId;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes, normalizes and validates every input record. Whatever is wrong with a record, it goes to
 * the {@link DeadLetters#TAG} side output with a reason; this function never throws on input.
 */
public class DecodeFunction extends ProcessFunction<RawRecord, CustomerEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeFunction.class);

    private final DecodeSettings settings;

    private transient Map<StreamId, RecordCodec<? extends SpecificRecord>> codecs;
    private transient EventNormalizer normalizer;
    private transient EventValidator validator;
    private transient Map<StreamId, Counter> eventsIn;
    private transient Map<RejectCode, Counter> deadLetters;
    private transient MetricGroup metrics;
    /** Valid records meant for others (the console's alert actions on cx.control). */
    private transient Counter passedOver;

    public DecodeFunction(DecodeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        codecs = new EnumMap<>(StreamId.class);
        eventsIn = new EnumMap<>(StreamId.class);
        deadLetters = new HashMap<>();
        metrics = getRuntimeContext().getMetricGroup();
        for (StreamId stream : settings.streamByTopic().values()) {
            codecs.put(stream, RecordCodec.of(stream.recordType(), settings.format(stream)));
            eventsIn.put(stream, metrics.addGroup("source", stream.defaultTopic()).counter("eventsIn"));
        }
        passedOver = metrics.counter("recordsPassedOver");
        normalizer = new EventNormalizer();
        validator = new EventValidator(settings);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<CustomerEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        try {
            CustomerEvent event = decode(raw, now);
            if (event == null) {
                passedOver.inc();
                return;
            }
            eventsIn.get(settings.streamByTopic().get(raw.topic)).inc();
            out.collect(event);
        } catch (DecodeException e) {
            reject(raw, e.code(), e.getMessage(), now, ctx);
        } catch (RuntimeException e) {
            LOG.warn("Unexpected error decoding {}", raw, e);
            reject(raw, RejectCode.MALFORMED, "unexpected error: " + e, now, ctx);
        }
    }

    private CustomerEvent decode(RawRecord raw, long now) throws DecodeException {
        StreamId stream = settings.streamByTopic().get(raw.topic);
        if (stream == null) {
            throw new DecodeException(RejectCode.UNKNOWN_TOPIC, "topic '" + raw.topic + "' is not configured");
        }
        if (raw.value != null && raw.value.length > settings.maxRecordBytes()) {
            throw new DecodeException(RejectCode.RECORD_TOO_LARGE, "record has " + raw.value.length
                    + " bytes; at most " + settings.maxRecordBytes() + " are allowed");
        }
        SpecificRecord record = codecs.get(stream).decode(raw.value);
        CustomerEvent event = normalizer.normalize(stream, record);
        if (event != null) {
            validator.check(event, now);
        }
        return event;
    }

    private void reject(RawRecord raw, RejectCode code, String reason, long now, Context ctx) {
        deadLetters.computeIfAbsent(code, c -> metrics.addGroup("reason", c.name()).counter("deadLetters")).inc();
        ctx.output(DeadLetters.TAG, DeadLetters.of(raw, code, reason, now));
    }
}
