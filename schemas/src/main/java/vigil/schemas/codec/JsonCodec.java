package vigil.schemas.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The default wire format: plain JSON objects checked against the record's Avro schema. */
public final class JsonCodec<T extends SpecificRecord> implements RecordCodec<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Schema schema;

    public JsonCodec(Class<T> type) {
        this.schema = SpecificData.get().getSchema(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(byte[] bytes) throws DecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new DecodeException(RejectCode.MALFORMED, "empty record: expected a JSON object");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new DecodeException(RejectCode.MALFORMED, "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset()));
        } catch (IOException e) {
            throw new DecodeException(RejectCode.MALFORMED, "unreadable record: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DecodeException(RejectCode.MALFORMED, "blank record: expected a JSON object");
        }
        return (T) JsonToAvro.record(schema, tree, "");
    }

    @Override
    public byte[] encode(T record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(bytes)) {
            AvroToJson.write(schema, record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
