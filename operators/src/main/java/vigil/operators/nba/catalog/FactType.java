package vigil.operators.nba.catalog;

/** The type of a named fact a condition can test: a number, a text, or a set of texts. */
public enum FactType {
    NUMBER, TEXT, SET
}
