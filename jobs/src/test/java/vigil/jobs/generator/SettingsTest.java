package vigil.jobs.generator;

import org.junit.jupiter.api.Test;
import vigil.schemas.streams.StreamId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void defaults() {
        GeneratorSettings s = GeneratorSettings.defaults();
        assertThat(s.customers()).isEqualTo(1000);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.eventsPerSecond()).isEqualTo(200);
        assertThat(s.malformedFraction()).isEqualTo(0.001);
        assertThat(s.maxTextChars()).isEqualTo(16_384);
        assertThat(s.incidents()).isEmpty();
        assertThat(s.channelMix()).containsOnlyKeys(StreamId.CALLS, StreamId.CHATS, StreamId.SOCIAL,
                StreamId.CLICKS, StreamId.PROFILES, StreamId.OUTCOMES);
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> GeneratorSettings.builder().customers(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSettings.builder().eventsPerSecond(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSettings.builder().malformedFraction(1.5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSettings.builder().channelShare(StreamId.ALERTS, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChannelLeftOutOfTheMixGetsNoRecords() {
        GeneratorSettings s = GeneratorSettings.builder().customers(50).channelShare(StreamId.CLICKS, 0)
                .channelShare(StreamId.CALLS, 0).build();
        assertThat(Samples.take(s, 2_000)).noneMatch(r -> r.stream() == StreamId.CLICKS || r.stream() == StreamId.CALLS);
    }

    @Test
    void aTinyPopulationWorks() {
        GeneratorSettings s = GeneratorSettings.builder().customers(1).malformedFraction(0.05).build();
        assertThat(Samples.take(s, 5_000)).extracting(GeneratedRecord::stream).contains(StreamId.values()[0]);
    }
}
