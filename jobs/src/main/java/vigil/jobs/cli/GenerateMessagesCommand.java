package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.generator.LabeledMessages;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate-messages", mixinStandardHelpOptions = true,
        description = "Writes synthetic short customer messages labeled negative / neutral / positive by their topic, "
                + "as CSV (text,sentiment,topic,channel), for eval-sentiment. Synthetic: for checking, not for training.")
final class GenerateMessagesCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "2000", description = "messages (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "7", description = "the same seed gives the same messages (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            LabeledMessages.write(writer, count, seed);
        }
        System.out.println("wrote " + count + " synthetic labeled messages to " + out);
        return 0;
    }
}
