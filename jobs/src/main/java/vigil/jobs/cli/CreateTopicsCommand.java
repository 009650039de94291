package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.kafka.TopicAdmin;

import java.util.concurrent.Callable;

@Command(name = "create-topics", mixinStandardHelpOptions = true,
        description = "Creates Vigil's topics on an existing Kafka cluster (cx.scores compacted); existing topics are left as they are.")
final class CreateTopicsCommand implements Callable<Integer> {
    @Option(names = "--partitions", defaultValue = "4", description = "(default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication", defaultValue = "3", description = "(default: ${DEFAULT-VALUE})")
    short replication;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        System.out.println("topics ready: " + TopicAdmin.createAll(configOptions.load(), partitions, replication));
        return 0;
    }
}
