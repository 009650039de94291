package vigil.jobs.generator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){14,15}\\d\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static List<String> texts;

    @BeforeAll
    static void generate() {
        texts = new ArrayList<>();
        for (GeneratedRecord record : Samples.take(GeneratorSettings.builder().malformedFraction(0).build(), 20_000)) {
            JsonNode json = Samples.parse(record);
            if (json.has("text")) {
                texts.add(json.get("text").asText());
            }
        }
    }

    @Test
    void textsAreVaried() {
        assertThat(new HashSet<>(texts)).hasSizeGreaterThan(2_000);
    }

    @Test
    void somePersonalDataIsThereForTheRedactor() {
        int cards = 0;
        int ibans = 0;
        int emails = 0;
        for (String text : texts) {
            // IBANs hold long digit runs too: take them out before looking for cards.
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            Matcher iban = IBAN.matcher(upper);
            while (iban.find()) {
                assertThat(validIban(iban.group())).as(text).isTrue();
                ibans++;
            }
            Matcher card = CARD.matcher(IBAN.matcher(upper).replaceAll(" "));
            while (card.find()) {
                String digits = card.group().replaceAll("[ -]", "");
                assertThat(Pii.luhnCheckDigit(digits.substring(0, digits.length() - 1)))
                        .as(text).isEqualTo(digits.charAt(digits.length() - 1) - '0');
                cards++;
            }
            emails += EMAIL.matcher(text).find() ? 1 : 0;
        }
        assertThat(cards).isPositive();
        assertThat(ibans).isPositive();
        assertThat(emails).isPositive();
    }

    @Test
    void piiGeneratorsProduceValidNumbers() {
        Random rnd = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            String digits = Pii.cardNumber(rnd).replaceAll("[ -]", "");
            assertThat(digits).hasSizeBetween(15, 16);
            assertThat(Pii.luhnCheckDigit(digits.substring(0, digits.length() - 1)))
                    .isEqualTo(digits.charAt(digits.length() - 1) - '0');
            assertThat(validIban(Pii.iban(rnd))).isTrue();
        }
        assertThat(validIban("DE89 3704 0044 0532 0130 00")).isTrue();
        assertThat(validIban("DE88 3704 0044 0532 0130 00")).isFalse();
    }

    @Test
    void everyTemplatePlaceholderIsKnown() {
        Filler filler = new Filler(new Random(3)).about(new Population(1, new Random(3)).get(0), "Sam", "billing", 0);
        Set<String[]> books = new HashSet<>();
        CustomerPhrases.STATEMENTS.values().forEach(books::add);
        ConversationPhrases.FOLLOW_UPS.values().forEach(books::add);
        AgentPhrases.ACTIONS.values().forEach(books::add);
        books.addAll(List.of(ConversationPhrases.GENERIC, ConversationPhrases.PII, ConversationPhrases.OPENERS,
                ConversationPhrases.UPSET, ConversationPhrases.COMPLAINT_TAILS, ConversationPhrases.CLOSE_RESOLVED,
                ConversationPhrases.CLOSE_UNRESOLVED, AgentPhrases.GREETINGS, AgentPhrases.BOT_HANDOFFS,
                AgentPhrases.BOT_ANSWERS, AgentPhrases.WRAP_UPS, AgentPhrases.CHAT_GREETINGS));
        for (String[] book : books) {
            for (String template : book) {
                assertThat(filler.fill(template)).doesNotContain("{", "}");
            }
        }
    }

    /** Only billing statements name bills, charges or payments, so the incident test can count them. */
    @Test
    void onlyBillingStatementsUseBillingWords() {
        CustomerPhrases.STATEMENTS.forEach((topic, lines) -> {
            for (String line : lines) {
                assertThat(Samples.mentionsBilling(line)).as("%s: %s", topic, line).isEqualTo(topic == Topic.BILLING);
            }
        });
    }

    private static boolean validIban(String iban) {
        String compact = iban.replace(" ", "");
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue() == 1;
    }
}
