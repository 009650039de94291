package vigil.schemas.codec;

/** How a topic's records are encoded on the wire. */
public enum RecordFormat {
    /** Plain JSON objects with the schema's field names; enums as strings, timestamps as epoch ms. */
    JSON,
    /** Avro single-object encoding (magic bytes, schema fingerprint, binary body). */
    AVRO
}
