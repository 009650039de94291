package vigil.jobs.churn;

import vigil.operators.churn.ChurnPrediction;
import vigil.operators.churn.OnlineLinearModel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A churn model for pipeline tests: one risk for everyone. JSON: {@code {"id":"constant","version":1,"risk":0.7}}. */
final class ConstantModel implements OnlineLinearModel {
    private static final Pattern JSON =
            Pattern.compile("\\{\"id\":\"([^\"]+)\",\"version\":(\\d+),\"risk\":([0-9.eE-]+)}");

    private final String id;
    private final long version;
    private final double risk;

    ConstantModel(String id, long version, double risk) {
        this.id = id;
        this.version = version;
        this.risk = risk;
    }

    static ConstantModel fromJson(String json) {
        Matcher m = JSON.matcher(json.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a constant model: " + json);
        }
        return new ConstantModel(m.group(1), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)));
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
    public ChurnPrediction predict(Map<String, ?> features) {
        return new ChurnPrediction(risk, List.of());
    }

    @Override
    public double[] vectorize(Map<String, ?> features) {
        return new double[] {1.0};
    }

    @Override
    public double[] coefficients() {
        return new double[] {Math.log(risk / (1 - risk))};
    }

    @Override
    public OnlineLinearModel withCoefficients(double[] coefficients, long newVersion) {
        return new ConstantModel(id, newVersion, 1 / (1 + Math.exp(-coefficients[0])));
    }

    @Override
    public String toJson() {
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"version\":%d,\"risk\":%s}", id, version, risk);
    }
}
