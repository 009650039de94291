package vigil.schemas.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a generated Avro record as plain JSON: unions unwrapped, enums as strings, bytes as base64. */
final class AvroToJson {
    private AvroToJson() {}

    static void write(Schema schema, Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (schema.getType()) {
            case UNION:
                write(schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value, out);
                break;
            case RECORD:
                IndexedRecord record = (IndexedRecord) value;
                out.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    out.writeFieldName(field.name());
                    write(field.schema(), record.get(field.pos()), out);
                }
                out.writeEndObject();
                break;
            case ARRAY:
                out.writeStartArray();
                for (Object item : (List<?>) value) {
                    write(schema.getElementType(), item, out);
                }
                out.writeEndArray();
                break;
            case MAP:
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.writeFieldName(entry.getKey().toString());
                    write(schema.getValueType(), entry.getValue(), out);
                }
                out.writeEndObject();
                break;
            case BYTES:
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeString(Base64.getEncoder().encodeToString(bytes));
                break;
            case INT:
                out.writeNumber((Integer) value);
                break;
            case LONG:
                out.writeNumber((Long) value);
                break;
            case DOUBLE:
                out.writeNumber((Double) value);
                break;
            case FLOAT:
                out.writeNumber((Float) value);
                break;
            case BOOLEAN:
                out.writeBoolean((Boolean) value);
                break;
            default:
                out.writeString(value.toString());
        }
    }
}
