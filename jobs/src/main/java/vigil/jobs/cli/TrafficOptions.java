package vigil.jobs.cli;

import picocli.CommandLine.Option;
import vigil.jobs.generator.GeneratorSettings;

/** Options of the synthetic traffic generator. */
final class TrafficOptions {
    @Option(names = "--customers", defaultValue = "2000", description = "synthetic customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--rate", defaultValue = "300", description = "events per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "random seed; the same seed gives the same traffic (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--malformed", defaultValue = "0.001", description = "fraction of malformed records (default: ${DEFAULT-VALUE})")
    double malformed;

    @Option(names = "--no-incident", description = "leave out the scripted billing outage (from minute 5 for 10 minutes; with --duration, from 45 % of it for 20 %)")
    boolean noIncident;

    GeneratorSettings settings(long startTime) {
        GeneratorSettings.Builder builder = GeneratorSettings.builder().customers(customers).eventsPerSecond(rate)
                .seed(seed).malformedFraction(malformed).startTime(startTime);
        if (!noIncident) {
            builder.incidents(GeneratorSettings.defaultDemoIncidents());
        }
        return builder.build();
    }
}
