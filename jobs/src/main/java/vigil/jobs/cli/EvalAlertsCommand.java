package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.eval.AlertEvaluation;
import vigil.jobs.eval.AlertScore;
import vigil.jobs.eval.Scenario;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval-alerts", mixinStandardHelpOptions = true,
        description = "Generates a scenario's synthetic traffic (baseline and incidents), runs it through the scoring "
                + "job on a local MiniCluster in event time, and prints incidents detected, recall, time-to-alert "
                + "and false alerts per simulated day.")
final class EvalAlertsCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario file (YAML or JSON)")
    Path scenarioFile;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--seed", paramLabel = "N", description = "traffic seed instead of the scenario's own "
            + "(tune on one seed, report on another)")
    Long seed;

    @Option(names = "--record-signals", paramLabel = "FILE", description = "also save the complaint signals "
            + "(Avro) for --replay-signals")
    Path recordSignals;

    @Option(names = "--replay-signals", paramLabel = "FILE", description = "run only the spike detector on signals "
            + "saved by --record-signals (seconds instead of minutes; for tuning, not for reported figures)")
    Path replaySignals;

    @Option(names = "--poisson-scale", paramLabel = "K", description = "with --replay-signals: replay Poisson "
            + "signals at K times the rates measured in the recording instead (the detector against the complaint "
            + "rate; synthetic signals, no text analysis)")
    Double poissonScale;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        Scenario scenario = ConfigLoader.read(scenarioFile, Scenario.class);
        if (seed != null) {
            scenario.seed = seed;
        }
        AlertEvaluation evaluation = new AlertEvaluation(config);
        if (poissonScale != null && (replaySignals == null || !(poissonScale > 0))) {
            throw new IllegalArgumentException("--poisson-scale needs --replay-signals and a positive K");
        }
        AlertEvaluation.Result result = poissonScale != null
                ? evaluation.replayPoisson(scenario, replaySignals, poissonScale)
                : replaySignals != null ? evaluation.replay(replaySignals) : evaluation.run(scenario, recordSignals);
        AlertScore score = new AlertScore(scenario, result);
        System.out.print(json ? score.json() + "\n" : score.text());
        return 0;
    }
}
