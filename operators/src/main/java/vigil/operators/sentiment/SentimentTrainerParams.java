package vigil.operators.sentiment;

import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasMaxIter;
import org.apache.flink.ml.common.param.HasReg;
import org.apache.flink.ml.common.param.HasTol;
import org.apache.flink.ml.param.BooleanParam;
import org.apache.flink.ml.param.DoubleParam;
import org.apache.flink.ml.param.IntParam;
import org.apache.flink.ml.param.LongParam;
import org.apache.flink.ml.param.Param;
import org.apache.flink.ml.param.ParamValidators;
import org.apache.flink.ml.param.StringParam;

/** Parameters of {@link SentimentTrainer}: input columns, features, regularization, decision rule. */
public interface SentimentTrainerParams<T> extends HasLabelCol<T>, HasReg<T>, HasMaxIter<T>, HasTol<T> {
    Param<String> TEXT_COL = new StringParam("textCol", "Column with the text.", "text", ParamValidators.notNull());
    Param<String> POSITIVE_LABEL = new StringParam("positiveLabel",
            "Value of the label column that marks the positive class; every other value is negative.",
            "positive", ParamValidators.notNull());
    Param<Integer> HASH_BITS = new IntParam("hashBits", "log2 of the hashed unigram and bigram slots.", 18,
            ParamValidators.inRange(8, 24));
    Param<Boolean> BIGRAMS = new BooleanParam("bigrams", "Whether to hash bigrams as well as unigrams.", true);
    Param<Integer> NEGATION_WINDOW = new IntParam("negationWindow", "Words marked negated after a negator.", 4,
            ParamValidators.inRange(0, 50));
    Param<Integer> LEXICON_MIN_COUNT = new IntParam("lexiconMinCount",
            "Documents a term must occur in to enter the lexicon.", 5, ParamValidators.gtEq(1));
    Param<Double> THRESHOLD = new DoubleParam("threshold", "P(positive) above which a text counts as positive.",
            0.5, ParamValidators.inRange(0, 1));
    Param<Double> NEUTRAL_BAND = new DoubleParam("neutralBand",
            "Half-width of the band around the threshold labelled NEUTRAL.", 0.1, ParamValidators.inRange(0, 0.5));
    Param<String> MODEL_NAME = new StringParam("modelName", "Name of the model.", "fast-sentiment",
            ParamValidators.notNull());
    Param<Long> MODEL_VERSION = new LongParam("modelVersion", "Version of the model.", 1L, ParamValidators.gtEq(1));

    default String getTextCol() {
        return get(TEXT_COL);
    }

    default T setTextCol(String value) {
        return set(TEXT_COL, value);
    }

    default String getPositiveLabel() {
        return get(POSITIVE_LABEL);
    }

    default T setPositiveLabel(String value) {
        return set(POSITIVE_LABEL, value);
    }

    default int getHashBits() {
        return get(HASH_BITS);
    }

    default T setHashBits(int value) {
        return set(HASH_BITS, value);
    }

    default double getThreshold() {
        return get(THRESHOLD);
    }

    default T setThreshold(double value) {
        return set(THRESHOLD, value);
    }

    default double getNeutralBand() {
        return get(NEUTRAL_BAND);
    }

    default T setNeutralBand(double value) {
        return set(NEUTRAL_BAND, value);
    }

    default long getModelVersion() {
        return get(MODEL_VERSION);
    }

    default T setModelVersion(long value) {
        return set(MODEL_VERSION, value);
    }

    /** The feature settings these parameters describe. */
    default FeatureSettings featureSettings() {
        return new FeatureSettings(get(HASH_BITS), get(BIGRAMS), get(NEGATION_WINDOW), get(LEXICON_MIN_COUNT), 1.0);
    }
}
