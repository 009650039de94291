package vigil.jobs.cli;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.metrics.MetricsReporting;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the scoring job against an existing Kafka cluster: on a local MiniCluster from the shell, "
                + "or on a Flink cluster when submitted with `flink run`.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(MetricsReporting.flinkConfiguration(config));
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        env.execute(config.jobName);
        return 0;
    }
}
