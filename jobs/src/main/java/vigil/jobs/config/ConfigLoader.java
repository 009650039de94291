package vigil.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads {@link VigilConfig} from YAML. Durations are written as Flink writes them ("5 s", "90d",
 * "10 min"); unknown keys are errors, so a misspelt setting is not silently ignored.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationReader()));

    private ConfigLoader() {}

    public static VigilConfig load(Path file) throws IOException {
        if (file == null) {
            return new VigilConfig();
        }
        try (var in = Files.newInputStream(file)) {
            VigilConfig config = YAML.readValue(in, VigilConfig.class);
            return config == null ? new VigilConfig() : config;
        }
    }

    /** Reads another YAML (or JSON) document with the same rules: durations, no unknown keys. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return YAML.readValue(in, type);
        }
    }

    public static VigilConfig parse(String yaml) throws IOException {
        VigilConfig config = YAML.readValue(yaml, VigilConfig.class);
        return config == null ? new VigilConfig() : config;
    }

    private static final class DurationReader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return TimeUtils.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(text, Duration.class, "expected a duration such as 5s, 10 min, 90d");
            }
        }
    }
}
