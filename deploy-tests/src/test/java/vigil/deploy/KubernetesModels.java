package vigil.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes objects into fabric8's typed models and reports every field the model does not know.
 * fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so this walks the
 * parsed object and lists each non-empty one with its path; a wrong type fails the parse itself.
 */
final class KubernetesModels {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "monitoring.coreos.com/v1/PodMonitor", PodMonitor.class);

    private KubernetesModels() {}

    static boolean knows(JsonNode object) {
        return MODELS.containsKey(key(object));
    }

    /** The unknown fields of the object, by path; empty when the model knows every field. */
    static List<String> unknownFields(JsonNode object) throws Exception {
        Class<?> type = MODELS.get(key(object));
        if (type == null) {
            throw new IllegalArgumentException("no model for " + key(object));
        }
        Object parsed = MAPPER.treeToValue(object, type);
        List<String> unknown = new ArrayList<>();
        walk(parsed, key(object), unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    private static void walk(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + decapitalize(getter.getName().substring(3)), unknown, seen);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
