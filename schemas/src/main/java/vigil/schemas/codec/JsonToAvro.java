package vigil.schemas.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a parsed JSON tree into a generated Avro record, checking every field against the
 * schema so that a wrong record fails here with a readable reason rather than later in the job.
 * Unknown JSON fields are ignored, so producers may run ahead of the schema.
 */
final class JsonToAvro {
    private static final SpecificData DATA = SpecificData.get();

    private JsonToAvro() {}

    static Object record(Schema schema, JsonNode node, String path) throws DecodeException {
        if (!node.isObject()) {
            throw new DecodeException(RejectCode.WRONG_TYPE,
                    where(path) + "must be a JSON object, got " + kind(node));
        }
        SpecificRecord record = (SpecificRecord) DATA.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode child = node.get(field.name());
            String childPath = path.isEmpty() ? field.name() : path + "." + field.name();
            record.put(field.pos(), field(field, child, childPath));
        }
        return record;
    }

    private static Object field(Schema.Field field, JsonNode child, String path) throws DecodeException {
        if (child == null || child.isNull()) {
            if (isNullable(field.schema())) {
                return null;
            }
            if (field.hasDefaultValue()) {
                return DATA.getDefaultValue(field);
            }
            RejectCode code = path.equals("customerId") ? RejectCode.MISSING_CUSTOMER_ID : RejectCode.MISSING_FIELD;
            throw new DecodeException(code, "required field '" + path + "' is missing");
        }
        return value(field.schema(), child, path);
    }

    static Object value(Schema schema, JsonNode node, String path) throws DecodeException {
        switch (schema.getType()) {
            case UNION:
                return value(nonNull(schema), node, path);
            case RECORD:
                return record(schema, node, path);
            case STRING:
                expect(node.isTextual(), "a string", node, path);
                return node.textValue();
            case LONG:
                expect(node.isIntegralNumber() && node.canConvertToLong(), "an integer", node, path);
                return node.longValue();
            case INT:
                expect(node.isIntegralNumber() && node.canConvertToInt(), "a 32-bit integer", node, path);
                return node.intValue();
            case DOUBLE:
            case FLOAT:
                expect(node.isNumber(), "a number", node, path);
                return schema.getType() == Schema.Type.DOUBLE ? node.doubleValue() : (Object) node.floatValue();
            case BOOLEAN:
                expect(node.isBoolean(), "true or false", node, path);
                return node.booleanValue();
            case ENUM:
                return symbol(schema, node, path);
            case BYTES:
                return bytes(node, path);
            case ARRAY:
                return array(schema, node, path);
            case MAP:
                return map(schema, node, path);
            default:
                throw new DecodeException(RejectCode.UNSUPPORTED,
                        "field '" + path + "' has a type JSON input does not support: " + schema.getType());
        }
    }

    private static Object symbol(Schema schema, JsonNode node, String path) throws DecodeException {
        expect(node.isTextual(), "a string", node, path);
        String symbol = node.textValue();
        if (!schema.hasEnumSymbol(symbol)) {
            boolean eventType = path.equals("type");
            throw new DecodeException(eventType ? RejectCode.UNKNOWN_EVENT_TYPE : RejectCode.INVALID_VALUE,
                    (eventType ? "unknown event type '" : "unknown value '") + symbol + "' for field '" + path
                            + "'; expected one of " + schema.getEnumSymbols());
        }
        return DATA.createEnum(symbol, schema);
    }

    private static ByteBuffer bytes(JsonNode node, String path) throws DecodeException {
        expect(node.isTextual(), "a base64 string", node, path);
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(node.textValue()));
        } catch (IllegalArgumentException e) {
            throw new DecodeException(RejectCode.WRONG_TYPE, "field '" + path + "' is not valid base64");
        }
    }

    private static List<Object> array(Schema schema, JsonNode node, String path) throws DecodeException {
        expect(node.isArray(), "an array", node, path);
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(value(schema.getElementType(), node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    private static Map<String, Object> map(Schema schema, JsonNode node, String path) throws DecodeException {
        expect(node.isObject(), "an object", node, path);
        Map<String, Object> entries = new HashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            entries.put(entry.getKey(), value(schema.getValueType(), entry.getValue(), path + "." + entry.getKey()));
        }
        return entries;
    }

    private static void expect(boolean ok, String expected, JsonNode node, String path) throws DecodeException {
        if (!ok) {
            throw new DecodeException(RejectCode.WRONG_TYPE,
                    "field '" + path + "' must be " + expected + ", got " + kind(node) + " " + abbreviate(node));
        }
    }

    private static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static Schema nonNull(Schema union) {
        return union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
                .orElseThrow();
    }

    private static String where(String path) {
        return path.isEmpty() ? "the record " : "field '" + path + "' ";
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
