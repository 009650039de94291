package vigil.operators.sentiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Where a model came from: its data, how its hyper-parameters were chosen, and how well it did. */
public final class TrainingInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    /** File name of the training data (no directory). */
    public String dataFile;
    public int rows;
    public int positives;
    public double l2;
    public int maxIterations;
    /** L-BFGS iterations of the final fit. */
    public int iterations;
    /** Folds of the cross-validation on the training data that chose the hyper-parameters; 0 if none. */
    public int folds;
    public long seed;
    /** Every candidate tried, with its cross-validated quality. */
    public List<TuningResult> candidates = new ArrayList<>();
    /** Out-of-fold quality of the chosen candidate, at the chosen threshold. */
    public BinaryMetrics crossValidation;
    /** Quality on the held-out development file, if one was given: evaluated, never used to choose. */
    public String devDataFile;
    public BinaryMetrics dev;
}
