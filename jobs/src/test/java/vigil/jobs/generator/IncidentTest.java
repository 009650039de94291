package vigil.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vigil.schemas.streams.StreamId;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentTest {
    @Test
    void billingComplaintsAndErrorsRiseDuringTheIncident() {
        Incident incident = new Incident("billing", EnumSet.of(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL,
                StreamId.CLICKS), Duration.ofMinutes(3), Duration.ofMinutes(4), 8.0);
        GeneratorSettings settings = GeneratorSettings.builder().eventsPerSecond(100).malformedFraction(0)
                .incidents(List.of(incident)).build();
        long from = settings.startTime() + 3 * 60_000L;
        long to = from + 4 * 60_000L;
        int[] texts = new int[2];
        int[] billing = new int[2];
        int[] clicks = new int[2];
        int[] billingErrors = new int[2];
        TrafficGenerator generator = new TrafficGenerator(settings);
        // Before the incident against its last three minutes (conversations begun before it have ended).
        for (GeneratedRecord record = generator.next(); record.timestamp() < to; record = generator.next()) {
            if (record.timestamp() >= from && record.timestamp() < from + 60_000L) {
                continue;
            }
            int inside = record.timestamp() >= from ? 1 : 0;
            JsonNode json = Samples.parse(record);
            String text = Samples.customerText(record, json);
            if (text != null) {
                texts[inside]++;
                billing[inside] += Samples.mentionsBilling(text) ? 1 : 0;
            }
            if (record.stream() == StreamId.CLICKS) {
                clicks[inside]++;
                String page = json.get("page").asText();
                boolean billingPage = page.startsWith("/account/billing") || page.startsWith("/account/payment")
                        || page.startsWith("/checkout/payment");
                billingErrors[inside] += billingPage && json.get("type").asText().equals("ERROR") ? 1 : 0;
            }
        }
        double shareOutside = billing[0] / (double) texts[0];
        double shareInside = billing[1] / (double) texts[1];
        assertThat(shareInside).isGreaterThan(3.5 * shareOutside);
        assertThat(billingErrors[1] / (double) clicks[1]).isGreaterThan(5 * billingErrors[0] / (double) clicks[0]);
    }

    @Test
    void theDemoIncidentIsABillingOutageFromMinuteFiveForTenMinutes() {
        Incident demo = GeneratorSettings.demoIncident();
        assertThat(demo.topic()).isEqualTo("billing");
        assertThat(demo.streams()).containsExactlyInAnyOrder(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL,
                StreamId.CLICKS);
        assertThat(demo.start()).isEqualTo(Duration.ofMinutes(5));
        assertThat(demo.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(demo.magnitude()).isEqualTo(8.0);
        assertThat(demo.isActiveAt(Duration.ofMinutes(5).toMillis())).isTrue();
        assertThat(demo.isActiveAt(Duration.ofMinutes(15).toMillis())).isFalse();
        assertThat(GeneratorSettings.defaults().withDefaultDemoIncident().incidents()).containsExactly(demo);
    }

    @Test
    void unknownTopicsAndStreamsAreRefused() {
        assertThatThrownBy(() -> new Incident("weather", EnumSet.of(StreamId.CALLS), Duration.ZERO,
                Duration.ofMinutes(1), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incident("billing", EnumSet.of(StreamId.PROFILES), Duration.ZERO,
                Duration.ofMinutes(1), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
