package vigil.operators.features;

import vigil.operators.customer.SentimentTracker;
import vigil.operators.customer.SignalCounter;
import vigil.schemas.ActivityState;
import vigil.schemas.Channel;
import vigil.schemas.ChannelSentimentState;
import vigil.schemas.CustomerState;
import vigil.schemas.Profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a feature's source (such as {@code complaints.billing.30d}) into a reader of customer
 * state, once, so extraction does no parsing. Sources:
 * <ul>
 * <li>{@code profile.<field>} (tenureMonths, plan, contract, monthlyCharges, totalCharges, valueTier)
 *     and {@code profile.attributes.<key>}; null without a profile or a value;
 * <li>{@code sentiment.overall}, {@code sentiment.<call|chat|social>.level|trend}; null before the
 *     customer's first scored message (for a trend: the second);
 * <li>decayed counts {@code negative.<window>}, {@code complaints.<topic>.<window>},
 *     {@code repeatContacts.<window>}, {@code clicks.<signal>.<window>} and
 *     {@code contacts.<all|call|chat|social>.<window>};
 * <li>{@code recency.lastContact} and {@code recency.<channel>}: days from the last contact (or
 *     event of that channel) to the customer's latest event time; null if there was none.
 * </ul>
 */
final class FeatureSources {
    private static final double DAY_MS = 86_400_000.0;
    private static final List<String> CONTACT_CHANNELS = List.of("call", "chat", "social");
    private static final List<String> COUNTED = List.of(SignalCounter.NEGATIVE, SignalCounter.REPEAT_CONTACTS,
            "complaints", "clicks");

    private FeatureSources() {}

    /**
     * @param windows the window labels counts are kept in, or null to accept any label
     * @throws IllegalArgumentException for an unknown source, or a kind the source cannot give
     */
    static FeatureSource compile(String source, FeatureKind kind, FeatureSpec spec, Set<String> windows) {
        String[] parts = source.split("\\.");
        switch (parts[0]) {
            case "profile":
                return profile(source, parts, kind);
            case "sentiment":
                return numeric(kind, source, sentiment(source, parts));
            case "negative":
            case "repeatContacts":
                expectParts(source, parts, 2, parts[0] + ".<window>");
                return numeric(kind, source, signal(parts[0], window(parts[1], windows)));
            case "complaints":
                expectParts(source, parts, 3, "complaints.<topic>.<window>");
                return numeric(kind, source, signal(SignalCounter.complaints(parts[1]), window(parts[2], windows)));
            case "clicks":
                expectParts(source, parts, 3, "clicks.<signal>.<window>");
                if (!spec.clickSignals().containsKey(parts[1])) {
                    throw new IllegalArgumentException("source " + source + ": no click signal '" + parts[1]
                            + "' is declared (declared: " + spec.clickSignals().keySet() + ")");
                }
                return numeric(kind, source, signal(SignalCounter.clicks(parts[1]), window(parts[2], windows)));
            case "contacts":
                expectParts(source, parts, 3, "contacts.<all|call|chat|social>.<window>");
                return numeric(kind, source, contacts(source, parts[1], window(parts[2], windows)));
            case "recency":
                expectParts(source, parts, 2, "recency.lastContact or recency.<channel>");
                return numeric(kind, source, recency(source, parts[1]));
            case "lastOutcome":
            case "outcome":
                throw new IllegalArgumentException("source " + source + ": the outcome is the churn label, "
                        + "a feature made of it would leak it");
            default:
                throw new IllegalArgumentException("unknown source '" + source + "' (expected profile.*, "
                        + "sentiment.*, negative.*, complaints.*, repeatContacts.*, clicks.*, contacts.*, recency.*)");
        }
    }

    /** The signal a source counts, if it is a signal count; see {@link SignalCounter}. */
    static Optional<String> signal(String source) {
        String[] parts = source.split("\\.");
        if (parts.length < 2 || !COUNTED.contains(parts[0])) {
            return Optional.empty();
        }
        return Optional.of(String.join(".", Arrays.copyOf(parts, parts.length - 1)));
    }

    private static FeatureSource profile(String source, String[] parts, FeatureKind kind) {
        if (parts.length >= 3 && parts[1].equals("attributes")) {
            String key = source.substring("profile.attributes.".length());
            return convert(kind, s -> s.getProfile() == null ? null : s.getProfile().getAttributes().get(key));
        }
        expectParts(source, parts, 2, "profile.<field> or profile.attributes.<key>");
        Function<Profile, Object> field;
        boolean text = false;
        switch (parts[1]) {
            case "tenureMonths": field = Profile::getTenureMonths; break;
            case "monthlyCharges": field = Profile::getMonthlyCharges; break;
            case "totalCharges": field = Profile::getTotalCharges; break;
            case "plan": field = Profile::getPlan; text = true; break;
            case "contract": field = Profile::getContract; text = true; break;
            case "valueTier": field = p -> p.getValueTier() == null ? null : p.getValueTier().name(); text = true; break;
            default:
                throw new IllegalArgumentException("source " + source + ": unknown profile field '" + parts[1]
                        + "' (expected tenureMonths, plan, contract, monthlyCharges, totalCharges, valueTier "
                        + "or attributes.<key>)");
        }
        if (text && kind == FeatureKind.NUMERIC) {
            throw new IllegalArgumentException("source " + source + " is text: its kind must be categorical");
        }
        Function<Profile, Object> read = field;
        return convert(kind, s -> s.getProfile() == null ? null : read.apply(s.getProfile()));
    }

    private static FeatureSource sentiment(String source, String[] parts) {
        if (parts.length == 2 && parts[1].equals("overall")) {
            return CustomerState::getSentiment;
        }
        expectParts(source, parts, 3, "sentiment.overall or sentiment.<call|chat|social>.<level|trend>");
        Channel channel = channel(source, parts[1], CONTACT_CHANNELS);
        switch (parts[2]) {
            case "level":
                return s -> {
                    ChannelSentimentState c = channelSentiment(s, channel);
                    return c == null || c.getSamples() == 0 ? null : c.getLevel();
                };
            case "trend":
                return s -> {
                    ChannelSentimentState c = channelSentiment(s, channel);
                    return c == null || c.getRecent().size() < 2 ? null : SentimentTracker.slope(c.getRecent());
                };
            default:
                throw new IllegalArgumentException("source " + source + ": expected level or trend, got " + parts[2]);
        }
    }

    private static FeatureSource signal(String signal, String window) {
        return s -> SignalCounter.count(s, signal, window);
    }

    private static FeatureSource contacts(String source, String channelName, String window) {
        Channel only = channelName.equals("all") ? null : channel(source, channelName, CONTACT_CHANNELS);
        return s -> {
            double sum = 0;
            for (ActivityState a : s.getActivity()) {
                if (a.getChannel() == only || (only == null && a.getChannel() != Channel.CLICK)) {
                    sum += a.getDecayed().getOrDefault(window, 0.0);
                }
            }
            return sum;
        };
    }

    private static FeatureSource recency(String source, String what) {
        if (what.equals("lastContact")) {
            return s -> s.getLastContactAt() == null ? null : days(s.getUpdatedAt() - s.getLastContactAt());
        }
        Channel channel = channel(source, what, List.of("call", "chat", "social", "click"));
        return s -> {
            for (ActivityState a : s.getActivity()) {
                if (a.getChannel() == channel && a.getLastAt() != Long.MIN_VALUE) {
                    return days(s.getUpdatedAt() - a.getLastAt());
                }
            }
            return null;
        };
    }

    private static double days(long ms) {
        return Math.max(0, ms) / DAY_MS;
    }

    private static ChannelSentimentState channelSentiment(CustomerState state, Channel channel) {
        for (ChannelSentimentState c : state.getChannelSentiment()) {
            if (c.getChannel() == channel) {
                return c;
            }
        }
        return null;
    }

    private static FeatureSource numeric(FeatureKind kind, String source, FeatureSource read) {
        if (kind != FeatureKind.NUMERIC) {
            throw new IllegalArgumentException("source " + source + " is a number: its kind must be numeric");
        }
        return read;
    }

    /** Numeric features are Doubles (null when the value is not a number), categorical ones Strings. */
    private static FeatureSource convert(FeatureKind kind, FeatureSource read) {
        return s -> {
            Object value = read.read(s);
            if (value == null) {
                return null;
            }
            if (kind == FeatureKind.CATEGORICAL) {
                return value.toString();
            }
            if (value instanceof Number) {
                return ((Number) value).doubleValue();
            }
            try {
                return Double.valueOf(value.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        };
    }

    private static String window(String label, Set<String> windows) {
        if (windows != null && !windows.contains(label)) {
            throw new IllegalArgumentException("unknown window '" + label + "' (state.windows has " + windows + ")");
        }
        return label;
    }

    private static Channel channel(String source, String name, List<String> allowed) {
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("source " + source + ": unknown channel '" + name
                    + "' (expected one of " + allowed + ")");
        }
        return Channel.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static void expectParts(String source, String[] parts, int count, String form) {
        if (parts.length != count) {
            throw new IllegalArgumentException("source " + source + ": expected " + form);
        }
    }
}
