package vigil.jobs.eval;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import vigil.jobs.Outputs;
import vigil.jobs.ScoringJob;
import vigil.jobs.config.VigilConfig;
import vigil.operators.decode.RawRecord;
import vigil.schemas.Alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Runs a scenario's traffic through the real scoring job (RocksDB, checkpoints) on a local
 * MiniCluster, in event time, as fast as the machine allows, and returns the alerts it raised.
 */
public final class AlertEvaluation {
    private final VigilConfig config;

    public AlertEvaluation(VigilConfig config) {
        this.config = config;
    }

    public Result run(Scenario scenario) throws Exception {
        scenario.validate();
        Path checkpoints = Files.createTempDirectory("vigil-eval");
        AlertCollector alerts = new AlertCollector("eval-" + UUID.randomUUID());
        try {
            config.checkpoints.directory = checkpoints.toUri().toString();
            Configuration flink = new Configuration();
            flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            flink.set(RestOptions.ADDRESS, "127.0.0.1");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism, flink);
            ScoringJob job = new ScoringJob(config);
            job.configure(env);
            job.wire(env.fromCollection(new ScenarioInput(scenario), TypeInformation.of(RawRecord.class))
                            .name("scenario traffic"),
                    new Outputs(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), alerts));
            long start = System.nanoTime();
            env.execute("eval-alerts " + scenario.name);
            return new Result(alerts.alerts(), (System.nanoTime() - start) / 1_000_000L);
        } finally {
            alerts.release();
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
        }
    }

    /** The alerts raised and the wall-clock time the run took. */
    public record Result(List<Alert> alerts, long wallMillis) {}
}
