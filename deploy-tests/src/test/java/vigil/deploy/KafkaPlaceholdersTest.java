package vigil.deploy;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import vigil.jobs.config.ConfigLoader;
import vigil.jobs.config.VigilConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the Kafka client properties the chart renders for SASL/TLS, with the environment variables a pod
 * gets from its Secrets (set by this module's surefire configuration), then Vigil's Kafka client version
 * resolves the ${env:...} placeholders to the secret values.
 */
class KafkaPlaceholdersTest {
    @Test
    void kafkaClientsResolveTheCredentialsFromTheEnvironment() throws Exception {
        RenderedChart chart = RenderedChart.render(Path.of("src/test/resources/sasl-tls-values.yaml"), Map.of());
        VigilConfig config = ConfigLoader.parse(chart.configMap("-config").path("data").path("vigil.yaml").asText());
        Map<String, Object> properties = new HashMap<>(config.kafka.properties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

        ProducerConfig resolved = new ProducerConfig(properties);

        assertThat(resolved.getPassword(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG).value()).isEqualTo("test-store");
        assertThat(resolved.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value())
                .contains("username=\"test-user\"", "password=\"test-secret\"").doesNotContain("${env:");
    }
}
