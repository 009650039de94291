package vigil.operators.churn;

import java.io.Serializable;

/**
 * One input feature of a churn model: a profile attribute by name, read as a number or as a category.
 *
 * @param name the attribute's name, as in the training file's header and in the feature maps scored
 * @param kind how its values are read
 */
public record InputFeature(String name, Kind kind) implements Serializable {
    public enum Kind { NUMERIC, CATEGORICAL }

    /** The name with its kind, e.g. {@code tenure (numeric)}. */
    public String describe() {
        return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
