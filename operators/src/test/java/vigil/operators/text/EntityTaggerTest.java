package vigil.operators.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTaggerTest {
    private static final EntityTagger TAGGER = EntityTagger.defaults();

    private static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("I'm on Fiber 500 and want to upgrade to fibre 1000", List.of("plan:Fiber 1000", "plan:Fiber 500")),
            Map.entry("my ROUTER and the modem both blink", List.of("product:modem", "product:router")),
            Map.entry("the set-top box and the set top box remote", List.of("product:set-top box")),
            Map.entry("Need a new SIM card for Mobile 10GB", List.of("plan:Mobile 10GB", "product:SIM card")),
            Map.entry("is the mobile 10 GB plan cheaper than Mobile Unlimited?", List.of("plan:Mobile 10GB", "plan:Mobile Unlimited")),
            Map.entry("The Home Bundle includes a mesh extender", List.of("plan:Home Bundle", "product:mesh extender")),
            Map.entry("Business Pro customer, the app crashes", List.of("plan:Business Pro", "product:app")),
            Map.entry("downgrade me to the basic plan", List.of("plan:Basic")),
            Map.entry("a basic question about my bill", List.of()),
            Map.entry("fiber 5000 is not a plan, nor is Fiber alone", List.of()),
            Map.entry("", List.of()));

    @Test
    void tagsTheTable() {
        TABLE.forEach((text, expected) ->
                assertThat(TAGGER.entities(text)).as(text).containsExactlyElementsOf(expected));
    }

    @Test
    void longestMatchWins(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("catalog.txt");
        Files.writeString(catalog, "plan: Home = home plan\nplan: Home Plus = home plan plus\nproduct: \"Q\" box = q box\n");
        EntityTagger tagger = EntityTagger.load(catalog.toString());
        assertThat(tagger.entities("I have the home plan plus")).containsExactly("plan:Home Plus");
        assertThat(tagger.entities("I have the home plan")).containsExactly("plan:Home");
        assertThat(tagger.entities("my q box")).containsExactly("product:\"Q\" box");
    }
}
