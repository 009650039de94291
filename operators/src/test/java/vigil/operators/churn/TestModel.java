package vigil.operators.churn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A small logistic churn model for tests: named numeric features (missing counts as 0), the
 * intercept last. Reasons are the features with a positive contribution, largest first.
 * JSON: {@code {"id":"test","version":1,"features":["a","b"],"coefficients":[wa,wb,intercept]}}.
 */
public final class TestModel implements OnlineLinearModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ModelParser PARSER = TestModel::fromJson;

    private final String id;
    private final long version;
    private final List<String> features;
    private final double[] coefficients;

    public TestModel(String id, long version, List<String> features, double... coefficients) {
        if (coefficients.length != features.size() + 1) {
            throw new IllegalArgumentException("one coefficient per feature plus the intercept");
        }
        this.id = id;
        this.version = version;
        this.features = List.copyOf(features);
        this.coefficients = coefficients.clone();
    }

    public static TestModel fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> names = new ArrayList<>();
            node.get("features").forEach(n -> names.add(n.asText()));
            double[] w = new double[node.get("coefficients").size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = node.get("coefficients").get(i).asDouble();
            }
            return new TestModel(node.get("id").asText(), node.get("version").asLong(), names, w);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a test model: " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public double[] vectorize(Map<String, ?> values) {
        double[] x = new double[features.size() + 1];
        for (int i = 0; i < features.size(); i++) {
            Object v = values.get(features.get(i));
            x[i] = v instanceof Number ? ((Number) v).doubleValue() : 0;
        }
        x[features.size()] = 1.0;
        return x;
    }

    @Override
    public ChurnPrediction predict(Map<String, ?> values) {
        double[] x = vectorize(values);
        double dot = 0;
        List<ChurnPrediction.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            dot += coefficients[i] * x[i];
            if (i < features.size() && coefficients[i] * x[i] > 0) {
                Object v = values.get(features.get(i));
                reasons.add(new ChurnPrediction.Reason(features.get(i), v == null ? "missing" : String.valueOf(v),
                        coefficients[i] * x[i]));
            }
        }
        reasons.sort(Comparator.comparingDouble(ChurnPrediction.Reason::contribution).reversed());
        return new ChurnPrediction(1 / (1 + Math.exp(-dot)), reasons);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public TestModel withCoefficients(double[] w, long newVersion) {
        return new TestModel(id, newVersion, features, w);
    }

    @Override
    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("version", version);
        ArrayNode names = node.putArray("features");
        features.forEach(names::add);
        ArrayNode w = node.putArray("coefficients");
        Arrays.stream(coefficients).forEach(w::add);
        return node.toString();
    }
}
