package vigil.schemas.codec;

/** Why a record went to the dead-letter stream. */
public enum RejectCode {
    MALFORMED,
    WRONG_TYPE,
    MISSING_FIELD,
    MISSING_CUSTOMER_ID,
    UNKNOWN_EVENT_TYPE,
    INVALID_VALUE,
    TEXT_TOO_LARGE,
    RECORD_TOO_LARGE,
    FUTURE_TIMESTAMP,
    INVALID_TIMESTAMP,
    UNSUPPORTED,
    UNKNOWN_TOPIC
}
