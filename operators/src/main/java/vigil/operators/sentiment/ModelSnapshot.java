package vigil.operators.sentiment;

import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.ml.api.Stage;
import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelData;
import org.apache.flink.ml.linalg.typeinfo.DenseVectorSerializer;
import org.apache.flink.ml.util.ReadWriteUtils;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a model snapshot directory, laid out the way Flink ML saves a model, so that
 * {@code LogisticRegressionModelServable.load(dir)} reads it as it is:
 * <pre>
 *   metadata            Flink ML stage metadata: class name and the logistic model's parameters
 *   data/part-0         the model data, in LogisticRegressionModelData's encoding
 *                       (coefficient DenseVector, then the model version as a long)
 *   vigil-model.json    {@link SnapshotMetadata}: name, version, features, lexicon, decision rule, metrics
 * </pre>
 * The same layout works as a classpath resource directory.
 */
public final class ModelSnapshot {
    public static final String STAGE_METADATA = "metadata";
    public static final String MODEL_DATA = "data/part-0";
    public static final String VIGIL_METADATA = "vigil-model.json";

    private ModelSnapshot() {}

    /** Writes a snapshot into a directory that must not exist yet or be empty. */
    public static void write(Path dir, Stage<?> stage, LogisticRegressionModelData data, SnapshotMetadata metadata)
            throws IOException {
        Files.createDirectories(dir.resolve(MODEL_DATA).getParent());
        ReadWriteUtils.saveMetadata(stage, dir.toAbsolutePath().toString());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(MODEL_DATA)))) {
            data.encode(out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(VIGIL_METADATA))) {
            metadata.write(out);
        }
    }

    /** Opens a file of a snapshot held in a directory. */
    public static InputStream open(Path dir, String file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(dir.resolve(file)));
    }

    /** Opens a file of a snapshot held as classpath resources under {@code resourceDir}. */
    public static InputStream openResource(String resourceDir, String file) throws IOException {
        String name = resourceDir.endsWith("/") ? resourceDir + file : resourceDir + "/" + file;
        InputStream in = ModelSnapshot.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new FileNotFoundException("no model snapshot file on the classpath: " + name);
        }
        return new BufferedInputStream(in);
    }

    /**
     * Reads model data written by {@link LogisticRegressionModelData#encode}; its own decoder is not
     * public in Flink ML 2.3.
     */
    public static LogisticRegressionModelData readModelData(InputStream in) throws IOException {
        DataInputViewStreamWrapper view = new DataInputViewStreamWrapper(in);
        return new LogisticRegressionModelData(new DenseVectorSerializer().deserialize(view), view.readLong());
    }
}
