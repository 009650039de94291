package vigil.jobs.extension;

import vigil.jobs.config.VigilConfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * A part of Vigil built on top of this module (the supervisor console), found on the classpath with
 * {@link ServiceLoader} ({@code META-INF/services/vigil.jobs.extension.VigilExtension}): it adds commands
 * to {@code ./vigil} and can run next to the demo.
 */
public interface VigilExtension {
    /** picocli command objects to add to {@code ./vigil}. */
    default List<Object> commands() {
        return List.of();
    }

    /**
     * Starts next to the demo's job, on the demo's broker (topics exist); {@code log} prints a line to the
     * demo's output. Returns what the demo closes when it ends, or null when there is nothing to run.
     */
    default AutoCloseable startWithDemo(VigilConfig config, Consumer<String> log) throws Exception {
        return null;
    }

    /** Starts every installed extension next to the demo; closing the result closes them, newest first. */
    static AutoCloseable startAllWithDemo(VigilConfig config, Consumer<String> log) throws Exception {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        AutoCloseable closeAll = () -> {
            for (AutoCloseable closeable; (closeable = running.pollFirst()) != null; ) {
                closeable.close();
            }
        };
        try {
            for (VigilExtension extension : installed()) {
                AutoCloseable started = extension.startWithDemo(config, log);
                if (started != null) {
                    running.addFirst(started);
                }
            }
        } catch (Exception e) {
            closeAll.close();
            throw e;
        }
        return closeAll;
    }

    static List<VigilExtension> installed() {
        return ServiceLoader.load(VigilExtension.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
