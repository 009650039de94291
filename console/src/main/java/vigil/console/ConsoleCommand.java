package vigil.console;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Runs the supervisor console against a Kafka cluster: live alerts, customer drill-down and "
                + "alert actions in the browser. The login token comes from console.token or " + Console.TOKEN_ENV + ".")
final class ConsoleCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see README); defaults apply to anything left out")
    Path file;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers (overrides the file)")
    String bootstrapServers;

    @Option(names = "--port", description = "HTTP port (overrides console.port; 0: a free port)")
    Integer port;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = ConfigLoader.load(file);
        if (bootstrapServers != null) {
            config.kafka.bootstrapServers = bootstrapServers;
        }
        if (port != null) {
            config.console.port = port;
        }
        Console console;
        try {
            console = Console.start(config);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil console: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }));
        System.out.println("console: " + console.url() + "  (Kafka " + config.kafka.bootstrapServers + "; Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
