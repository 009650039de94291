package vigil.operators.churn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about a churn model besides its fitted stages and weights: name and version, where it
 * came from, its input features, how it treats missing values and attributes reasons, and its
 * cross-validated quality.
 */
@JsonPropertyOrder({"name", "version", "created", "dataFile", "labelCol", "positiveLabel", "rows", "positives",
        "features", "ignoredColumns", "dimensions", "stages", "missingValues", "reasonAttribution",
        "hyperParameters", "iterations", "crossValidation", "candidates"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ChurnMetadata implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String MISSING_VALUES = "numeric: the training mean (scaled slot 0) plus a missing-indicator "
            + "slot, and a missing bin; categorical: the other/missing slot; trees send missing values right";
    public static final String REASON_ATTRIBUTION = "per input feature, the sum of coefficient x (x - training mean "
            + "of x) over its slots; an interaction slot gives each of its two features half; a tree's leaf block "
            + "(coefficient of the leaf reached minus the training average) is split along the leaf's path, each "
            + "split's feature getting the change in the training-weighted mean leaf coefficient it made (Saabas)";

    public String name = "churn";
    public long version = 1;
    /** ISO-8601 instant. */
    public String created;
    /** File name of the training data (no directory). */
    public String dataFile;
    public String labelCol;
    public String positiveLabel;
    public int rows;
    public int positives;
    /** The input features with their kinds, e.g. {@code tenure (numeric)}. */
    public List<String> features = new ArrayList<>();
    /** Columns of the training data left out, with the reason. */
    public Map<String, String> ignoredColumns = new LinkedHashMap<>();
    /** Length of the feature vector, intercept included. */
    public int dimensions;
    /** The fitted stages in order, with their widths. */
    public List<String> stages = new ArrayList<>();
    public String missingValues = MISSING_VALUES;
    public String reasonAttribution = REASON_ATTRIBUTION;
    public ChurnHyperParameters hyperParameters;
    /** L-BFGS iterations of the final regression. */
    public int iterations;
    public CrossValidationReport crossValidation;
    /** Every hyper-parameter candidate tried, with its mean cross-validated quality. */
    public List<Candidate> candidates = new ArrayList<>();

    /** k-fold cross-validation on the training file: each fold scored by a model fitted without it. */
    public record CrossValidationReport(int folds, long seed, String chosenBy, List<ChurnMetrics> perFold,
                                        ChurnMetrics mean) implements Serializable {
    }

    public record Candidate(ChurnHyperParameters hyperParameters, ChurnMetrics mean) implements Serializable {
    }

    /** A copy with another version (the lists are shared: metadata is not changed after training). */
    public ChurnMetadata withVersion(long newVersion) {
        ChurnMetadata copy = new ChurnMetadata();
        copy.name = name;
        copy.version = newVersion;
        copy.created = created;
        copy.dataFile = dataFile;
        copy.labelCol = labelCol;
        copy.positiveLabel = positiveLabel;
        copy.rows = rows;
        copy.positives = positives;
        copy.features = features;
        copy.ignoredColumns = ignoredColumns;
        copy.dimensions = dimensions;
        copy.stages = stages;
        copy.missingValues = missingValues;
        copy.reasonAttribution = reasonAttribution;
        copy.hyperParameters = hyperParameters;
        copy.iterations = iterations;
        copy.crossValidation = crossValidation;
        copy.candidates = candidates;
        return copy;
    }

    /** Name and version, e.g. {@code churn-v3}. */
    @JsonIgnore
    public String id() {
        return name + "-v" + version;
    }
}
