package vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart in helm/vigil rendered by Helm (helm-java), as parsed Kubernetes objects. */
final class RenderedChart {
    static final Path CHART = Path.of("../helm/vigil");
    static final String RELEASE = "vigil";
    /** The Kubernetes version Helm renders for (the chart needs 1.25 or later). */
    static final String KUBERNETES = "v1.29.0";
    static final YAMLMapper YAML = new YAMLMapper();

    final String text;
    final List<JsonNode> objects;

    private RenderedChart(String text, List<JsonNode> objects) {
        this.text = text;
        this.objects = objects;
    }

    /** Renders with the default values, then the values file (may be null), then the settings. */
    static RenderedChart render(Path valuesFile, Map<String, Object> settings) throws IOException {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("vigil")
                .withKubeVersion(KUBERNETES);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            template = template.set(setting.getKey(), setting.getValue());
        }
        String text = template.call();
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return new RenderedChart(text, objects);
    }

    static RenderedChart defaults() throws IOException {
        return render(null, Map.of());
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The ConfigMap whose name ends with the suffix. */
    JsonNode configMap(String suffix) {
        return ofKind("ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().endsWith(suffix))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap *" + suffix));
    }
}
