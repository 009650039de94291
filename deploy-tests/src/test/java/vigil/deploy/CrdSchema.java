package vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI schema of a custom resource version, from the CRD YAML an operator's API jar carries, made
 * strict the way the API server's strict field validation is: an object that lists its properties accepts
 * no others, unless it is marked x-kubernetes-preserve-unknown-fields.
 */
final class CrdSchema {
    private final JsonSchema schema;

    private CrdSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static CrdSchema fromClasspath(String resource, String version) throws IOException {
        JsonNode crd;
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            crd = RenderedChart.YAML.readTree(in);
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                JsonNode openApi = v.path("schema").path("openAPIV3Schema").deepCopy();
                if (!openApi.isObject() || !openApi.has("properties")) {
                    throw new IllegalStateException(resource + " version " + version + " has no openAPIV3Schema");
                }
                // the API server adds these to every resource's schema
                ObjectNode root = (ObjectNode) openApi.path("properties");
                root.putObject("apiVersion").put("type", "string");
                root.putObject("kind").put("type", "string");
                root.putObject("metadata").put("type", "object");
                strict(openApi);
                return new CrdSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi));
            }
        }
        throw new IllegalStateException(resource + " has no version " + version);
    }

    /** Every violation, as "path: message"; empty when the object is valid. */
    Set<String> validate(JsonNode object) {
        Set<String> errors = new TreeSet<>();
        for (ValidationMessage m : schema.validate(object)) {
            errors.add(m.getMessage());
        }
        return errors;
    }

    private static void strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // under "properties" the keys are field names, their values schemas
                strict(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(CrdSchema::strict);
        }
    }
}
