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

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        Scenario scenario = ConfigLoader.read(scenarioFile, Scenario.class);
        AlertScore score = new AlertScore(scenario, new AlertEvaluation(config).run(scenario));
        System.out.print(json ? score.json() + "\n" : score.text());
        return 0;
    }
}
