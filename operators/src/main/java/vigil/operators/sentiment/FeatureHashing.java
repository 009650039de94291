package vigil.operators.sentiment;

/**
 * Deterministic feature hashing: a term (or a pair of terms) goes to one of 2^bits slots with a
 * sign, so colliding features tend to cancel rather than add up. Built on String.hashCode, which
 * the Java specification fixes, and the MurmurHash3 finalizer to spread its bits: the same term
 * gets the same slot in every JVM, at training and at scoring time.
 */
public final class FeatureHashing {
    private static final int UNIGRAM_SEED = 0x5bd1e995;
    private static final int BIGRAM_SEED = 0x27d4eb2f;

    private FeatureHashing() {}

    public static int unigram(String term) {
        return mix(term.hashCode() ^ UNIGRAM_SEED);
    }

    public static int bigram(String first, String second) {
        return mix(first.hashCode() * 0x01000193 + mix(second.hashCode()) ^ BIGRAM_SEED);
    }

    /** The slot of a hash in a space of 2^bits: its top bits. */
    public static int slot(int hash, int bits) {
        return hash >>> (32 - bits);
    }

    /** +1 or -1, from the hash's lowest bit (independent of the slot's top bits). */
    public static double sign(int hash) {
        return (hash & 1) == 0 ? 1.0 : -1.0;
    }

    /** MurmurHash3's 32-bit finalizer. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
