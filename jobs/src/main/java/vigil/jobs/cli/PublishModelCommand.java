package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.ControlPublisher;
import vigil.operators.churn.ModelUpdates;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.streams.StreamId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "publish-model", mixinStandardHelpOptions = true,
        description = "Publishes a churn model (its JSON file) as a MODEL_UPDATE on cx.control; the running job swaps it in.")
final class PublishModelCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model's JSON file")
    Path model;

    @Option(names = "--id", description = "message id (default: model-<epoch millis>)")
    String id;

    @Option(names = "--issued-by", defaultValue = "${sys:user.name}", description = "who publishes it (default: ${DEFAULT-VALUE})")
    String issuedBy;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        long now = System.currentTimeMillis();
        ControlMessage message = ControlMessage.newBuilder().setId(id == null ? "model-" + now : id).setTimestamp(now)
                .setType(ControlType.MODEL_UPDATE).setPayload(Files.readString(model)).setIssuedBy(issuedBy).build();
        ControlPublisher.publish(config, ModelUpdates.KEY, message);
        System.out.println("published " + message.getId() + " to " + config.topic(StreamId.CONTROL)
                + "; the job logs whether it swapped it in (metrics modelSwaps, modelRejected)");
        return 0;
    }
}
