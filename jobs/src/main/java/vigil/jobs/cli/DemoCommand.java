package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.demo.Demo;
import vigil.jobs.generator.GeneratorSettings;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs everything locally: an embedded Kafka broker (KRaft, 127.0.0.1), the scoring job on a "
                + "local Flink MiniCluster with RocksDB and checkpoints, and synthetic traffic; prints a live summary.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "TIME", description = "stop after this long, e.g. 60s or 5 min (default: run until stopped)")
    Duration duration;

    @Option(names = "--json", description = "print the final summary as one JSON object")
    boolean json;

    @Option(names = "--checkpoint-interval", defaultValue = "5s", paramLabel = "TIME", description = "(default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        config.checkpoints.interval = checkpointInterval;
        GeneratorSettings settings = traffic.settings(System.currentTimeMillis());
        if (duration != null && !traffic.noIncident) {
            // A timed demo shows the whole incident: alerts open and resolve before it ends.
            settings = settings.toBuilder().incidents(List.of(GeneratorSettings.demoIncident(duration))).build();
        }
        if (configOptions.file == null) {
            demoSpikeTiming(config.spikes);
            config.rules.initialRules = "etc/rules"; // the example rules, so per-customer alerts show too
            // a laptop demo runs backpressured: let outputs keep committing (see checkpoints.alignedTimeout)
            config.checkpoints.alignedTimeout = Duration.ofSeconds(1);
        }
        new Demo(config, settings, duration, json, System.out).run();
        return 0;
    }

    /** Seconds instead of minutes, so that a one-minute demo learns a baseline and shows a whole alert. */
    private static void demoSpikeTiming(VigilConfig.Spikes spikes) {
        spikes.slide = Duration.ofSeconds(2);
        spikes.window = Duration.ofSeconds(10);
        spikes.warmUp = Duration.ofSeconds(8);
        spikes.halfLife = Duration.ofMinutes(2);
        spikes.volumeHalfLife = Duration.ofSeconds(15);
        spikes.quietPeriod = Duration.ofSeconds(6);
        spikes.coolDown = Duration.ofMinutes(1);
    }
}
