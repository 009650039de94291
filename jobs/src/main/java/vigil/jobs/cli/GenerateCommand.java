package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.demo.TrafficProducer;
import vigil.jobs.generator.TrafficGenerator;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes synthetic traffic (calls, chats, social posts, clicks, profiles, outcomes) to the input topics "
                + "of an existing Kafka cluster, in real time.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--duration", defaultValue = "60s", paramLabel = "TIME", description = "(default: ${DEFAULT-VALUE})")
    Duration duration;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        long start = System.currentTimeMillis();
        TrafficProducer producer = new TrafficProducer(config, new TrafficGenerator(traffic.settings(start)), start);
        Thread thread = new Thread(producer, "vigil-traffic");
        thread.start();
        Thread.sleep(duration.toMillis());
        producer.stop();
        thread.join();
        System.out.println("sent " + producer.sent() + " (" + producer.malformedSent() + " malformed, synthetic)");
        return 0;
    }
}
