package vigil.console;

import vigil.jobs.config.VigilConfig;
import vigil.jobs.extension.VigilExtension;

import java.util.List;
import java.util.function.Consumer;

/** Adds {@code ./vigil console} and runs the console next to {@code ./vigil demo}. */
public final class ConsoleExtension implements VigilExtension {
    @Override
    public List<Object> commands() {
        return List.of(new ConsoleCommand());
    }

    /** The demo's console: the configured or environment token, else a random one, printed with the address. */
    @Override
    public AutoCloseable startWithDemo(VigilConfig config, Consumer<String> log) {
        String token = Console.token(config.console.token, System.getenv(Console.TOKEN_ENV));
        if (token == null || token.isBlank()) {
            token = Console.randomToken();
        }
        Console console = Console.start(config, token);
        log.accept("console: " + console.url() + "  user/token: any name / " + token);
        return console;
    }
}
