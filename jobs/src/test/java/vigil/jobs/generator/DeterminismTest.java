package vigil.jobs.generator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    private static GeneratorSettings seeded(long seed) {
        return GeneratorSettings.builder().seed(seed).malformedFraction(0.01)
                .incidents(GeneratorSettings.defaultDemoIncidents()).build();
    }

    @Test
    void sameSeedGivesByteIdenticalRecords() {
        List<GeneratedRecord> first = Samples.take(seeded(42), 5_000);
        List<GeneratedRecord> second = Samples.take(seeded(42), 5_000);
        for (int i = 0; i < first.size(); i++) {
            GeneratedRecord a = first.get(i);
            GeneratedRecord b = second.get(i);
            assertThat(b.value()).as("record %d", i).isEqualTo(a.value());
            assertThat(b.stream()).isEqualTo(a.stream());
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.timestamp()).isEqualTo(a.timestamp());
            assertThat(b.malformation()).isEqualTo(a.malformation());
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedGivesDifferentRecords() {
        List<GeneratedRecord> a = Samples.take(seeded(42), 1_000);
        List<GeneratedRecord> b = Samples.take(seeded(43), 1_000);
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void malformedFractionDoesNotChangeTheValidTraffic() {
        List<GeneratedRecord> clean = Samples.take(GeneratorSettings.builder().malformedFraction(0).build(), 3_000);
        List<GeneratedRecord> dirty = Samples.take(GeneratorSettings.builder().malformedFraction(0.2).build(), 3_000);
        for (int i = 0; i < clean.size(); i++) {
            if (dirty.get(i).isValid()) {
                assertThat(dirty.get(i)).isEqualTo(clean.get(i));
            }
        }
    }
}
