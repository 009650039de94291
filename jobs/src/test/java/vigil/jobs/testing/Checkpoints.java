package vigil.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checkpoint directories for MiniCluster tests. A job's last asynchronous checkpoint can still be
 * writing when the test method returns, which makes JUnit's {@code @TempDir} cleanup fail; these
 * directories are removed when the test JVM exits instead, quietly.
 */
public final class Checkpoints {
    private Checkpoints() {}

    public static Path directory() throws IOException {
        Path dir = Files.createTempDirectory("vigil-test-checkpoints");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: the directory is under the system temp directory
        }
    }
}
