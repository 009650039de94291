package vigil.operators.enrich;

/** Which sentiment model scores a source's texts. */
public enum SentimentPath {
    /** The Flink ML model trained on labeled data: fast enough for every message. */
    FAST,
    /** CoreNLP's sentiment model over the shift-reduce parser: about 40 short messages/s per core. */
    DEEP
}
