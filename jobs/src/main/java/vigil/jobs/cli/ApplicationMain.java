package vigil.jobs.cli;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;

import java.nio.file.Path;

/**
 * The scoring job's entry class for a Flink cluster in application mode (the Helm chart's FlinkDeployment):
 * {@code --config FILE}. Unlike {@link VigilCli} it never calls {@code System.exit}, which would stop the
 * JobManager it runs in.
 */
public final class ApplicationMain {
    private ApplicationMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !"--config".equals(args[0])) {
            throw new IllegalArgumentException("usage: ApplicationMain --config FILE");
        }
        VigilConfig config = ConfigLoader.load(Path.of(args[1]));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ScoringJob job = new ScoringJob(config);
        job.configure(env);
        job.wireKafka(env);
        env.execute(config.jobName);
    }
}
