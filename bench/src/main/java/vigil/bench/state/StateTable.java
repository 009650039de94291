package vigil.bench.state;

import com.fasterxml.jackson.databind.JsonNode;

/** The state benchmark's figures as a table. */
final class StateTable {
    private StateTable() {}

    static String of(JsonNode r) {
        JsonNode s = r.get("serializedBytesPerCustomer");
        JsonNode full = r.get("fullCheckpoint");
        JsonNode inc = r.get("incrementalCheckpoint");
        StringBuilder out = new StringBuilder();
        out.append(String.format("Vigil state benchmark: %,d customers (states of %,d sample customers with %,d synthetic events"
                        + " through the real operators); RocksDB, incremental checkpoints; load %s -> %s%n%n",
                r.get("customers").asLong(), r.get("sampleCustomers").asLong(), r.get("sampleEvents").asLong(),
                r.get("load").asText(), r.get("loadAfter").asText()));
        out.append(String.format("%-52s %14s%n", "measure", "value"));
        out.append(row("serialized state per customer, bytes", s.get("total").asDouble()));
        out.append(row("  customer state (CustomerState, with TTL)", s.get("customerState").asDouble()));
        out.append(row("  churn: published risk", s.get("publishedChurn").asDouble()));
        out.append(row("  churn: label join history", s.get("featureHistory").asDouble()));
        out.append(row("  churn: history snapshots per customer", s.get("historySnapshotsPerCustomer").asDouble()));
        out.append(row("RocksDB SST bytes per customer", r.get("sstBytesPerCustomer").asDouble()));
        out.append(row("fill (direct writes), s", r.get("fillSeconds").asDouble()));
        out.append(row("full (first) checkpoint, s", full.get("seconds").asDouble()));
        out.append(row("full checkpoint size, MB", full.get("checkpointedBytes").asDouble() / 1e6));
        out.append(row("incremental checkpoint (" + r.get("changedCustomers").asLong() + " changed), s", inc.get("seconds").asDouble()));
        out.append(row("incremental checkpoint uploaded, MB", inc.get("checkpointedBytes").asDouble() / 1e6));
        out.append(row("incremental checkpoint total state, MB", inc.get("stateBytes").asDouble() / 1e6));
        out.append(row("restore from the full checkpoint, s", r.get("restoreSeconds").asDouble()));
        out.append(String.format("%-52s %14s%n", "  restored state has the last customer", r.get("restoredCustomerFound").asBoolean()));
        out.append(row("restore from the incremental checkpoint, s", r.get("incrementalRestoreSeconds").asDouble()));
        out.append(String.format("%-52s %14s%n", "  restored state has the last customer",
                r.get("incrementalRestoredCustomerFound").asBoolean()));
        out.append(String.format("%-52s %14s%n", "  restored state has every change",
                r.get("incrementalRestoredChangesFound").asBoolean()));
        return out.toString();
    }

    private static String row(String label, double value) {
        return String.format("%-52s %,14.1f%n", label, value);
    }
}
