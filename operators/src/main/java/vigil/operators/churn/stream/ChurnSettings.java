package vigil.operators.churn.stream;

import vigil.operators.churn.RiskBands;

import java.io.Serializable;

/**
 * How churn scores are published and labels joined.
 *
 * @param bands risk thresholds of the medium and high bands
 * @param minDelta the published risk changes only when the new risk is further than this from it
 *                 (or the band or the model changed)
 * @param maxReasons reason codes published per score
 * @param historySize feature snapshots kept per customer for the label join
 * @param historyRetentionMs snapshots are dropped this long (event time) after the customer's newest one
 * @param stateTtlMs the last published risk expires after this long without updates, like customer state
 * @param featureSpecFingerprint the feature spec's {@code fingerprint()}: label histories written under
 *                               another one are dropped
 */
public record ChurnSettings(RiskBands bands, double minDelta, int maxReasons, int historySize,
                            long historyRetentionMs, long stateTtlMs, long featureSpecFingerprint)
        implements Serializable {
    /** Settings for features not from a spec (the fingerprint is then the feature names' alone). */
    public ChurnSettings(RiskBands bands, double minDelta, int maxReasons, int historySize, long historyRetentionMs,
                         long stateTtlMs) {
        this(bands, minDelta, maxReasons, historySize, historyRetentionMs, stateTtlMs, 0L);
    }

    public ChurnSettings {
        if (minDelta < 0 || maxReasons < 0 || historySize < 1 || historyRetentionMs <= 0 || stateTtlMs <= 0) {
            throw new IllegalArgumentException("churn settings out of range: minDelta and maxReasons >= 0, "
                    + "historySize >= 1, retention and TTL > 0");
        }
    }
}
