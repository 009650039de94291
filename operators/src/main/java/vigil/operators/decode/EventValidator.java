package vigil.operators.decode;

import vigil.schemas.CustomerEvent;
import vigil.schemas.Interaction;
import vigil.schemas.codec.DecodeException;
import vigil.schemas.codec.RejectCode;

/** Checks a normalized event against the limits in {@link DecodeSettings}. */
public final class EventValidator {
    /** 2000-01-01T00:00:00Z: anything earlier is a unit mistake (seconds for milliseconds) or garbage. */
    static final long EARLIEST_TIMESTAMP = 946_684_800_000L;

    private final DecodeSettings settings;

    public EventValidator(DecodeSettings settings) {
        this.settings = settings;
    }

    public void check(CustomerEvent event, long now) throws DecodeException {
        long ts = event.getTimestamp();
        if (ts < EARLIEST_TIMESTAMP) {
            throw new DecodeException(RejectCode.INVALID_TIMESTAMP,
                    "timestamp " + ts + " is before 2000-01-01; timestamps are epoch milliseconds");
        }
        if (ts > now + settings.maxFutureSkewMs()) {
            throw new DecodeException(RejectCode.FUTURE_TIMESTAMP, "timestamp " + ts + " is "
                    + (ts - now) / 1000 + " s in the future; at most " + settings.maxFutureSkewMs() / 1000
                    + " s are allowed");
        }
        if (event.getPayload() instanceof Interaction) {
            String text = ((Interaction) event.getPayload()).getText();
            if (text != null && text.length() > settings.maxTextChars()) {
                throw new DecodeException(RejectCode.TEXT_TOO_LARGE, "text has " + text.length()
                        + " characters; at most " + settings.maxTextChars() + " are allowed");
            }
        }
    }
}
