package vigil.operators.churn.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a customer's feature values are kept in the label join's history: the feature
 * names sorted, held once per operator instead of once per snapshot. Its fingerprint (the names and
 * the feature spec's own fingerprint) is stored with each history, so values written under another
 * spec are never read as this one's. Values are stored exactly, in the smallest Avro branch that holds
 * them: a whole number as int, a double that is a float as float, otherwise double; strings as they are.
 */
final class FeatureLayout {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final String[] names;
    private final long fingerprint;

    private FeatureLayout(String[] names, long specFingerprint) {
        this.names = names;
        long h = FNV_OFFSET;
        h = mix(h, Long.toString(specFingerprint));
        for (String name : names) {
            h = mix(h, name);
        }
        this.fingerprint = h;
    }

    /** The layout of an update's features. */
    static FeatureLayout of(Map<String, ?> features, long specFingerprint) {
        String[] names = features.keySet().toArray(new String[0]);
        Arrays.sort(names);
        return new FeatureLayout(names, specFingerprint);
    }

    /** Whether {@code features} has exactly this layout's names. */
    boolean fits(Map<String, ?> features) {
        if (features.size() != names.length) {
            return false;
        }
        for (String name : names) {
            if (!features.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    long fingerprint() {
        return fingerprint;
    }

    List<Object> encode(Map<String, ?> features) {
        List<Object> values = new ArrayList<>(names.length);
        for (String name : names) {
            values.add(compact(features.get(name)));
        }
        return values;
    }

    Map<String, Object> decode(List<Object> values) {
        Map<String, Object> features = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            features.put(names[i], widen(values.get(i)));
        }
        return features;
    }

    static Object compact(Object value) {
        if (value instanceof Double d) {
            double v = d;
            if (v == (int) v && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0)) {
                return (int) v;
            }
            if ((float) v == v) {
                return (float) v;
            }
            return d;
        }
        if (value instanceof Number n) {
            return compact(n.doubleValue());
        }
        return value == null ? null : value.toString();
    }

    static Object widen(Object value) {
        if (value instanceof Integer i) {
            return i.doubleValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return value;
    }

    private static long mix(long h, String s) {
        for (byte b : (s + '\n').getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }
}
