package vigil.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.ControlPublisher;
import vigil.operators.nba.CatalogControl;
import vigil.operators.nba.NbaSettings;
import vigil.operators.nba.catalog.Catalog;
import vigil.operators.nba.catalog.CatalogParser;
import vigil.operators.nba.catalog.InvalidCatalogException;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.streams.StreamId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "publish-catalog", mixinStandardHelpOptions = true,
        description = "Replaces the next-best-action catalog of the running job through cx.control (CATALOG_REPLACE); "
                + "the job reports the outcome on cx.catalog-status.")
final class PublishCatalogCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CATALOG.json", description = "the whole catalog (checked here first)")
    Path catalog;

    @Option(names = "--id", description = "message id (default: catalog-<epoch millis>)")
    String id;

    @Option(names = "--issued-by", defaultValue = "${sys:user.name}", description = "who publishes it (default: ${DEFAULT-VALUE})")
    String issuedBy;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        String json = Files.readString(catalog);
        Catalog parsed;
        try {
            parsed = new CatalogParser(NbaSettings.facts(config.featureSpec())).parse(json);
        } catch (InvalidCatalogException e) {
            System.err.println("not published, the catalog is invalid: " + e.getMessage());
            return 2;
        }
        long now = System.currentTimeMillis();
        ControlMessage message = ControlMessage.newBuilder().setId(id == null ? "catalog-" + now : id)
                .setTimestamp(now).setType(ControlType.CATALOG_REPLACE).setPayload(json).setIssuedBy(issuedBy).build();
        ControlPublisher.publish(config, CatalogControl.KEY, message);
        System.out.println("published catalog " + parsed.version() + " (" + parsed.actions().size() + " actions) as "
                + message.getId() + " to " + config.topic(StreamId.CONTROL) + "; the outcome appears on "
                + config.topic(StreamId.CATALOG_STATUS));
        return 0;
    }
}
