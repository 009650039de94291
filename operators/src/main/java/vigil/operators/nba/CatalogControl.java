package vigil.operators.nba;

import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;

/** The catalog protocol on cx.control: CATALOG_REPLACE carries the whole catalog's JSON as its payload. */
public final class CatalogControl {
    /** Customer-less key of catalog messages after decoding. */
    public static final String KEY = "catalog";

    private CatalogControl() {}

    public static boolean isCatalogMessage(ControlMessage message) {
        return message.getType() == ControlType.CATALOG_REPLACE;
    }
}
