package vigil.operators.features;

import java.util.Locale;

/** How a model reads a feature: a number ({@link Double}) or a category ({@link String}). */
public enum FeatureKind {
    NUMERIC, CATEGORICAL;

    static FeatureKind parse(String text) {
        for (FeatureKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + text + "' (expected numeric or categorical)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
