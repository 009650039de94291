package vigil.operators.nba.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a catalog's JSON from a file path or, when no such file exists, from the classpath. */
public final class CatalogSource {
    /** The catalog shipped with Vigil. */
    public static final String DEFAULT_CATALOG = "vigil/nba/catalog.json";

    private CatalogSource() {}

    public static String read(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            try (InputStream in = CatalogSource.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no action catalog at " + location
                            + ": neither a file nor a classpath resource");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read action catalog " + location, e);
        }
    }
}
