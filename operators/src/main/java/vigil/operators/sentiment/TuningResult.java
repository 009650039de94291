package vigil.operators.sentiment;

import java.io.Serializable;

/** Cross-validated quality of one combination of hyper-parameters, recorded in the snapshot. */
public record TuningResult(int hashBits, double l2, double accuracy, double macroF1, double auc, double logLoss)
        implements Serializable {
}
