package vigil.jobs.generator;

/**
 * Unique, reproducible identifiers: a counter scrambled with a bijective 64-bit mix, so ids look
 * random, never repeat within a run and are the same for the same seed.
 */
final class Ids {
    private final long key;
    private long counter;

    Ids(long seed) {
        this.key = mix(seed ^ 0x5DEECE66DL);
    }

    String next(String prefix) {
        String hex = Long.toHexString(mix(key + counter++));
        return prefix + "0".repeat(16 - hex.length()) + hex;
    }

    /** SplitMix64's finalizer: a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
