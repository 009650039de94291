package vigil.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.console.kafka.ActionWriter;
import vigil.console.kafka.TopicReader;
import vigil.console.metrics.ConsoleMetrics;
import vigil.console.view.AlertBoard;
import vigil.console.view.CustomerBook;
import vigil.console.view.LiveView;
import vigil.console.view.SourceChart;
import vigil.console.web.ConsoleServer;
import vigil.console.web.Sessions;
import vigil.jobs.config.VigilConfig;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The supervisor console: reads Vigil's outputs and cx.control into a bounded live view and serves it to
 * browsers, writing supervisors' alert actions back to cx.control.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    public static final String TOKEN_ENV = "VIGIL_CONSOLE_TOKEN";
    static final int MIN_TOKEN = 12;
    private static final long CHART_EVERY_MS = 2_000;

    private final VigilConfig.Console settings;
    private final TopicReader reader;
    private final Thread readerThread;
    private final ActionWriter writer;
    private final ConsoleServer server;
    private final ConsoleMetrics metrics;

    private Console(VigilConfig config, String token) {
        this.settings = config.console;
        VigilConfig.Console c = config.console;
        LiveView view = new LiveView(new AlertBoard(c.maxAlerts),
                new CustomerBook(c.maxCustomers, c.interactionsPerCustomer),
                new SourceChart(c.chartBucket.toMillis(), c.chartBuckets), System::currentTimeMillis);
        this.metrics = new ConsoleMetrics(TopicReader.topics(config), System::currentTimeMillis);
        metrics.alertsByState(view.alerts()::countByState);
        this.writer = new ActionWriter(config);
        this.server = new ConsoleServer(view, new Sessions(token, c.sessionTimeout.toMillis(), System::currentTimeMillis),
                writer, c.secureCookie, CHART_EVERY_MS, metrics);
        this.reader = new TopicReader(config, view, metrics);
        this.readerThread = new Thread(reader, "vigil-console-reader");
        readerThread.setDaemon(true);
    }

    /** Starts with the configured token (the environment variable wins); refuses to start without one. */
    public static Console start(VigilConfig config) {
        return start(config, token(config.console.token, System.getenv(TOKEN_ENV)));
    }

    public static Console start(VigilConfig config, String token) {
        if (token == null || token.strip().length() < MIN_TOKEN) {
            throw new IllegalArgumentException("the console needs an access token of at least " + MIN_TOKEN
                    + " characters: set console.token in the configuration or the environment variable " + TOKEN_ENV);
        }
        Console console = new Console(config, token.strip());
        try {
            console.server.start(config.console.bindAddress, config.console.port);
            console.readerThread.start();
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
        LOG.info("Console on {}", console.url());
        return console;
    }

    static String token(String configured, String environment) {
        return environment != null && !environment.isBlank() ? environment : configured;
    }

    /** A random token for the demo. */
    public static String randomToken() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return server.port();
    }

    public String url() {
        String host = settings.bindAddress.contains(":") ? "[" + settings.bindAddress + "]" : settings.bindAddress;
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.close();
        reader.close();
        try {
            readerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
