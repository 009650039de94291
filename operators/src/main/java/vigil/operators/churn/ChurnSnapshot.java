package vigil.operators.churn;

import org.apache.flink.ml.classification.logisticregression.LogisticRegressionModelData;
import org.apache.flink.ml.util.ReadWriteUtils;
import vigil.operators.sentiment.ModelSnapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A churn model snapshot directory, in the sentiment model's layout, so Flink ML's
 * {@code LogisticRegressionModelServable.load(dir)} reads the final regression as it is:
 * <pre>
 *   metadata            Flink ML stage metadata: ChurnModel's class name and its logistic model parameters
 *   data/part-0         LogisticRegressionModelData: coefficients (intercept last) and model version
 *   vigil-model.json    {@link ChurnModelDocument} without coefficients: metadata (incl. cross-validation),
 *                       input features, fitted stages, slot means
 * </pre>
 * The same layout works as a classpath resource directory.
 */
public final class ChurnSnapshot {
    public static final String STAGE_METADATA = ModelSnapshot.STAGE_METADATA;
    public static final String MODEL_DATA = ModelSnapshot.MODEL_DATA;
    public static final String VIGIL_MODEL = "vigil-model.json";

    private ChurnSnapshot() {}

    /** Writes into a directory that must not exist yet or be empty. */
    public static void write(Path dir, ChurnModel model) throws IOException {
        Files.createDirectories(dir.resolve(MODEL_DATA).getParent());
        ReadWriteUtils.saveMetadata(model, dir.toAbsolutePath().toString());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(MODEL_DATA)))) {
            model.modelData().encode(out);
        }
        ChurnModelDocument document = model.document(false);
        Files.writeString(dir.resolve(VIGIL_MODEL), document.toJson(true), StandardCharsets.UTF_8);
    }

    public static ChurnModel read(Path dir) throws IOException {
        try (InputStream json = ModelSnapshot.open(dir, VIGIL_MODEL);
             InputStream data = ModelSnapshot.open(dir, MODEL_DATA)) {
            return combine(ChurnModelDocument.read(json), ModelSnapshot.readModelData(data));
        }
    }

    public static ChurnModel readResource(String resourceDir) throws IOException {
        try (InputStream json = ModelSnapshot.openResource(resourceDir, VIGIL_MODEL);
             InputStream data = ModelSnapshot.openResource(resourceDir, MODEL_DATA)) {
            return combine(ChurnModelDocument.read(json), ModelSnapshot.readModelData(data));
        }
    }

    private static ChurnModel combine(ChurnModelDocument document, LogisticRegressionModelData data) {
        document.coefficients = data.coefficient.values;
        document.metadata.version = data.modelVersion;
        return ChurnModel.of(document);
    }
}
