package vigil.operators.churn;

import java.io.Serializable;

/** Churn bands by risk: low below {@code medium}, high from {@code high}, medium in between. */
public final class RiskBands implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String LOW = "low";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";

    private final double medium;
    private final double high;

    public RiskBands(double medium, double high) {
        if (!(0 < medium && medium < high && high <= 1)) {
            throw new IllegalArgumentException("band thresholds must satisfy 0 < medium < high <= 1, got "
                    + medium + " and " + high);
        }
        this.medium = medium;
        this.high = high;
    }

    public String band(double risk) {
        return risk >= high ? HIGH : risk >= medium ? MEDIUM : LOW;
    }
}
