package vigil.operators.sentiment;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LexiconTest {
    @Test
    void scoresAreSmoothedLogRatiosOfDocumentFrequencies() {
        Lexicon lexicon = Lexicon.fromCounts(Map.of("tasty", new int[] {9, 1}, "rare", new int[] {1, 0}), 20, 10, 2, 1.0);
        assertThat(lexicon.size()).isEqualTo(1);
        assertThat(lexicon.score("rare")).isNaN();
        assertThat(lexicon.score("tasty")).isCloseTo(Math.log(10.0 / 22) - Math.log(2.0 / 12), within(1e-12));
        assertThat(lexicon.scoreLeavingOut("tasty", true)).isCloseTo(Math.log(9.0 / 21) - Math.log(2.0 / 12), within(1e-12));
        assertThat(lexicon.scoreLeavingOut("tasty", false)).isCloseTo(Math.log(10.0 / 22) - Math.log(1.0 / 11), within(1e-12));
    }
}
