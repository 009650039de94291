package vigil.jobs.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.ops.LocalClusters;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.metrics.MetricsReporting;
import vigil.jobs.ops.Savepoints;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the scoring job against an existing Kafka cluster (and Pulsar, for streams configured on it): "
                + "on a local MiniCluster from the shell, or on a Flink cluster when submitted with `flink run`.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "start from this savepoint (or retained checkpoint) instead of empty state")
    String fromSavepoint;

    @Option(names = "--allow-non-restored-state",
            description = "with --from-savepoint: skip state of operators that are no longer in the job instead of failing")
    boolean allowNonRestoredState;

    @Option(names = "--savepoint-on-stop", paramLabel = "DIR",
            description = "on Ctrl-C or SIGTERM, stop the job with a savepoint in DIR and print its path")
    String savepointOnStop;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        Configuration execution = LocalClusters.configuration(config);
        execution.addAll(MetricsReporting.flinkConfiguration(config));
        if (fromSavepoint != null) execution.addAll(Savepoints.restoreFrom(fromSavepoint, allowNonRestoredState, execution));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(execution);
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        if (savepointOnStop == null) {
            env.execute(config.jobName);
            return 0;
        }
        JobClient client = env.executeAsync(config.jobName);
        Savepoints.stopOnShutdown(client, savepointOnStop);
        client.getJobExecutionResult().get();
        return 0;
    }
}
