package vigil.operators.features;

import vigil.schemas.CustomerState;

/** Reads one feature's value from customer state: a Double, a String, or null when missing. */
@FunctionalInterface
interface FeatureSource {
    Object read(CustomerState state);
}
