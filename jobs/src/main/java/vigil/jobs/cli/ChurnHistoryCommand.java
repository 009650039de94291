package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.history.ChurnHistory;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "churn-history", mixinStandardHelpOptions = true,
        description = "Simulates SYNTHETIC traffic through the real scoring job in event time and writes a labeled churn "
                + "history: one row per outcome with the customer's features at that moment (column churn: Yes when the customer churns within the horizon).")
final class ChurnHistoryCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Option(names = "--customers", defaultValue = "3000", description = "(default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--events", defaultValue = "300000", description = "events to simulate (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--days", defaultValue = "60", description = "simulated days they span (default: ${DEFAULT-VALUE})")
    long days;

    @Option(names = "--horizon-days", defaultValue = "21",
            description = "a row is labeled churn when the customer churns within this many days after it (default: ${DEFAULT-VALUE})")
    long horizonDays;

    @Option(names = "--seed", defaultValue = "11", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        long rows = ChurnHistory.build(new ChurnHistory.Settings(customers, events, days, seed, horizonDays), configOptions.load(), out);
        System.out.println("wrote " + rows + " outcome rows (synthetic) to " + out);
        return 0;
    }
}
