package vigil.jobs.cli;

import picocli.CommandLine.Option;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;

import java.io.IOException;
import java.nio.file.Path;

/** Options shared by every command that needs Vigil's configuration. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see README); defaults apply to anything left out")
    Path file;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers (overrides the file)")
    String bootstrapServers;

    VigilConfig load() throws IOException {
        VigilConfig config = ConfigLoader.load(file);
        if (bootstrapServers != null) {
            config.kafka.bootstrapServers = bootstrapServers;
        }
        return config;
    }
}
