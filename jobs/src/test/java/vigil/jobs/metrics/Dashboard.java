package vigil.jobs.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL queries of a Grafana dashboard JSON, and the metric names they read. */
final class Dashboard {
    private static final Pattern METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");
    private final List<String> queries;

    private Dashboard(List<String> queries) {
        this.queries = queries;
    }

    static Dashboard load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return new Dashboard(queries);
    }

    List<String> queries() {
        return queries;
    }

    static Set<String> metricNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = METRIC.matcher(query);
        while (m.find()) {
            String name = m.group();
            // a summary's _count and _sum series are stored under those names too
            names.add(name);
        }
        return names;
    }

    /** Grafana's range variables replaced by a fixed window, so Prometheus can run the query. */
    static String withoutGrafanaVariables(String query) {
        return query.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "5m");
    }
}
