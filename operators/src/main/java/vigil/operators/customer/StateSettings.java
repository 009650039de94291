package vigil.operators.customer;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-customer state: how long it lives without updates, and the windows of the decaying counts. */
public final class StateSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long ttlMs;
    private final LinkedHashMap<String, Long> windowsMs;

    /** @param windowsMs label (such as "7d") to window length in milliseconds, in display order */
    public StateSettings(long ttlMs, Map<String, Long> windowsMs) {
        if (ttlMs <= 0 || windowsMs.isEmpty() || windowsMs.values().stream().anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("state TTL and every window must be positive, and windows non-empty");
        }
        this.ttlMs = ttlMs;
        this.windowsMs = new LinkedHashMap<>(windowsMs);
    }

    public long ttlMs() {
        return ttlMs;
    }

    public Map<String, Long> windowsMs() {
        return windowsMs;
    }
}
