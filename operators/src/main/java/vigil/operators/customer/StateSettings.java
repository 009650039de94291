package vigil.operators.customer;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-customer state: how long it lives without updates, and the windows of the decaying counts. */
public final class StateSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long ttlMs;
    private final LinkedHashMap<String, Long> windowsMs;
    private final double sentimentAlpha;
    private final int sentimentTrendWindow;

    public StateSettings(long ttlMs, Map<String, Long> windowsMs) {
        this(ttlMs, windowsMs, 0.3, 10);
    }

    /**
     * @param windowsMs label (such as "7d") to window length in milliseconds, in display order
     * @param sentimentAlpha weight of the newest message in the sentiment moving averages
     * @param sentimentTrendWindow messages per channel the sentiment trend is fitted over
     */
    public StateSettings(long ttlMs, Map<String, Long> windowsMs, double sentimentAlpha, int sentimentTrendWindow) {
        if (ttlMs <= 0 || windowsMs.isEmpty() || windowsMs.values().stream().anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("state TTL and every window must be positive, and windows non-empty");
        }
        this.ttlMs = ttlMs;
        this.windowsMs = new LinkedHashMap<>(windowsMs);
        this.sentimentAlpha = sentimentAlpha;
        this.sentimentTrendWindow = sentimentTrendWindow;
    }

    public double sentimentAlpha() {
        return sentimentAlpha;
    }

    public int sentimentTrendWindow() {
        return sentimentTrendWindow;
    }

    public long ttlMs() {
        return ttlMs;
    }

    public Map<String, Long> windowsMs() {
        return windowsMs;
    }
}
