package vigil.jobs.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared labeled data ({@code ../shared/data} beside the project root). */
public final class SharedData {
    private SharedData() {}

    public static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
