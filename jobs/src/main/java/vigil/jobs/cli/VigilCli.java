package vigil.jobs.cli;

import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vigil.jobs.extension.VigilExtension;

import java.time.Duration;

/** Vigil's command line: `./vigil COMMAND --help` describes each command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "Vigil 0.1.0",
        description = "Real-time customer-signal engine on Apache Flink.",
        subcommands = {DemoCommand.class, RunCommand.class, GenerateCommand.class, CreateTopicsCommand.class,
                TrainSentimentCommand.class, EvalSentimentCommand.class, GenerateMessagesCommand.class,
                ChurnHistoryCommand.class, PublishModelCommand.class, PublishRuleCommand.class, PublishCatalogCommand.class,
                TrainChurnCommand.class, EvalChurnCommand.class, EvalAlertsCommand.class})
public final class VigilCli {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new VigilCli());
        VigilExtension.installed().forEach(extension -> extension.commands().forEach(cli::addSubcommand));
        cli.registerConverter(Duration.class, TimeUtils::parseDuration);
        System.exit(cli.execute(args));
    }
}
