package vigil.operators.nba.catalog;

/** A catalog that cannot be used; the message names the offending node by its path ({@code actions[2].eligibility.all[0].op}). */
public class InvalidCatalogException extends Exception {
    public InvalidCatalogException(String message) {
        super(message);
    }
}
