package vigil.jobs.generator;

/** The ways a generated record can be broken; each maps to one reason the decoder must report. */
public enum Malformation {
    /** Garbage bytes, an HTML error page, truncated or otherwise unparseable JSON. */
    NOT_JSON,
    /** A field of the wrong JSON type, e.g. a timestamp "yesterday" or a number where text belongs. */
    WRONG_TYPE,
    /** No customer id (and, for clicks and social posts, no anonymous id or handle either). */
    MISSING_CUSTOMER_ID,
    /** An event type the schema does not know, e.g. "TELEPORT". */
    UNKNOWN_EVENT_TYPE,
    /** A text longer than the configured limit. */
    TEXT_TOO_LARGE,
    /** A timestamp 30 or more days after the record's event time. */
    FUTURE_TIMESTAMP,
    /** A required field other than the customer id is missing, e.g. a click without sessionId. */
    MISSING_FIELD
}
