package vigil.schemas.codec;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Earlier versions of the published schemas, kept as resources named
 * {@code vigil/schemas/history/NAME-vN.avsc}. Every change to a schema that is already in use
 * adds the old version here; the compatibility test checks the current schema can read it.
 */
public final class SchemaHistory {
    private static final int MAX_VERSIONS = 100;

    private SchemaHistory() {}

    public static List<Schema> previousVersions(Schema current) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; v <= MAX_VERSIONS; v++) {
            String resource = "/vigil/schemas/history/" + current.getName() + "-v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return versions;
    }
}
