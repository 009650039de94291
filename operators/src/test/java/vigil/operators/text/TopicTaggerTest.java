package vigil.operators.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaggerTest {
    private static final TopicTagger TAGGER = TopicTagger.defaults();

    /** Realistic messages and the topics they should get; an empty list is neutral chit-chat. */
    private static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("I was charged twice for this month, please fix my bill", List.of("billing")),
            Map.entry("There's a strange charge on my invoice I don't recognise", List.of("billing")),
            Map.entry("When will I get my refund?", List.of("billing")),
            Map.entry("My direct debit failed again", List.of("billing")),
            Map.entry("No internet since 6am!!", List.of("outage")),
            Map.entry("the wifi keeps dropping every few minutes", List.of("outage")),
            Map.entry("Router is down again and the lights are blinking red", List.of("outage")),
            Map.entry("my modem is not working", List.of("outage")),
            Map.entry("I can't connect to anything, is there an outage in my area?", List.of("outage")),
            Map.entry("Internet is so slow I can't even stream", List.of("outage")),
            Map.entry("no signal at home on my phone", List.of("outage")),
            Map.entry("Wi-Fi is down", List.of("outage")),
            Map.entry("I want to cancel my subscription", List.of("cancellation")),
            Map.entry("How do I terminate my contract?", List.of("cancellation")),
            Map.entry("I'm switching to another provider next month", List.of("cancellation")),
            Map.entry("I don't want to cancel, I just want it fixed", List.of("cancellation")),
            Map.entry("My new router still hasn't arrived, where is my order?", List.of("delivery")),
            Map.entry("The courier left the parcel at the wrong address", List.of("delivery")),
            // Damage in transit and a no-show are delivery problems, not product faults.
            Map.entry("The modem arrived damaged", List.of("delivery")),
            Map.entry("The engineer didn't turn up for the installation on Monday", List.of("delivery")),
            Map.entry("They promised a technician would come and nobody showed up", List.of("delivery")),
            Map.entry("Mobile data stopped working on Monday and hasn't come back", List.of("outage")),
            Map.entry("The remote is broken out of the box", List.of("defect")),
            Map.entry("my set-top box keeps rebooting and freezes", List.of("defect")),
            Map.entry("The phone won't turn on at all", List.of("defect")),
            Map.entry("I can't log in to the app, it says wrong password", List.of("login")),
            Map.entry("The app keeps crashing when I open billing", List.of("billing", "login")),
            Map.entry("Two-factor login is broken, I'm stuck on the code screen", List.of("login")),
            Map.entry("I can't pay my invoice online, the payment page just errors out", List.of("billing")),
            Map.entry("locked out of my account after the reset code never came", List.of("delivery", "login")),
            Map.entry("Your prices went up again, this is way too expensive", List.of("pricing")),
            Map.entry("A competitor offers a better deal for half the price", List.of("pricing")),
            Map.entry("The agent was rude and hung up on me", List.of("agent")),
            Map.entry("I was transferred five times and nobody helped", List.of("agent")),
            Map.entry("I want to speak to a manager now", List.of("agent")),
            Map.entry("Thank you so much, Maria was really helpful!", List.of("praise")),
            Map.entry("Excellent service, the technician was great", List.of("agent", "praise")),
            Map.entry("Thanks for nothing.", List.of()),
            Map.entry("The agent was not helpful at all", List.of("agent")),
            Map.entry("Internet down for 3 days and I was charged anyway. Cancel my account.",
                    List.of("billing", "cancellation", "outage")),
            Map.entry("Hi, how are you today?", List.of()),
            Map.entry("ok thanks, bye", List.of()),
            Map.entry("Can you tell me what time you open on Saturday?", List.of()),
            Map.entry("I moved house last week and love the new neighbourhood.", List.of()),
            Map.entry("", List.of()));

    @Test
    void tagsTheTable() {
        TABLE.forEach((text, expected) ->
                assertThat(TAGGER.topics(text)).as(text).containsExactlyElementsOf(expected));
    }

    @Test
    void rulesMatchWithinOneSentenceOnly() {
        List<List<edu.stanford.nlp.ling.CoreLabel>> two = List.of(
                TokenLists.oneSentence("The internet works.").get(0),
                TokenLists.oneSentence("Down the street is a shop.").get(0));
        assertThat(TAGGER.topics(two)).isEmpty();
    }

    @Test
    void theTaxonomyHasTheAgreedTopics() {
        assertThat(TAGGER.taxonomy()).contains("billing", "outage", "cancellation", "delivery", "defect",
                "login", "pricing", "agent", "praise");
    }

    @Test
    void loadsAnotherTaxonomyFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path rules = dir.resolve("mine.rules");
        Files.writeString(rules, "# test\n$PET = /cat|dog/\npets  $PET /ate|chewed/\n!pets /not/ $PET\n");
        TopicTagger tagger = TopicTagger.load(rules.toString());
        assertThat(tagger.topics("My DOG chewed the router cable")).containsExactly("pets");
        assertThat(tagger.topics("the internet is down")).isEmpty();
        assertThat(tagger.taxonomy()).containsExactly("pets");
    }

    @Test
    void aBadRuleNamesItsLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path rules = dir.resolve("bad.rules");
        Files.writeString(rules, "ok /fine/\nbroken ( /unclosed/\n");
        assertThatThrownBy(() -> TopicTagger.load(rules.toString()))
                .hasMessageContaining("bad.rules:2");
    }
}
