package vigil.operators.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PiiRedactorTest {
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{3,}");
    private final PiiRedactor redactor = PiiRedactor.shared();

    /** Input, the expected redacted text, and the personal data it holds (which must not leak). */
    private record Case(String text, String expected, String... pii) {}

    private static final List<Case> CORPUS = List.of(
            new Case("Mail me at john.doe@example.com please", "Mail me at [EMAIL] please", "john.doe@example.com"),
            new Case("(JANE_smith+promo@mail.co.uk)", "([EMAIL])", "JANE_smith+promo@mail.co.uk"),
            new Case("Contact: a.b-c@sub.domain.org.", "Contact: [EMAIL].", "a.b-c@sub.domain.org"),
            new Case("it's o'brien@example.ie, not the old one", "it's [EMAIL], not the old one", "o'brien@example.ie"),
            new Case("Call +44 20 7946 0958 after six", "Call [PHONE] after six", "+44 20 7946 0958"),
            new Case("My number is +1 (555) 123-4567.", "My number is [PHONE].", "+1 (555) 123-4567"),
            new Case("call (555) 123-4567 or 555.987.6543!", "call [PHONE] or [PHONE]!", "(555) 123-4567", "555.987.6543"),
            new Case("reach me on 555-123-4567, thanks", "reach me on [PHONE], thanks", "555-123-4567"),
            new Case("Mon portable: 06 12 34 56 78", "Mon portable: [PHONE]", "06 12 34 56 78"),
            new Case("mobile 07700 900123 or 07700900124", "mobile [PHONE] or [PHONE]", "07700 900123", "07700900124"),
            new Case("ring +33 6 12 34 56 78 (mobile)", "ring [PHONE] (mobile)", "+33 6 12 34 56 78"),
            new Case("from abroad 0044 20 7946 0958", "from abroad [PHONE]", "0044 20 7946 0958"),
            new Case("Büro +49 30 12345678, privat 030 1234 5678", "Büro [PHONE], privat [PHONE]", "+49 30 12345678", "030 1234 5678"),
            new Case("tel:+31612345678", "tel:[PHONE]", "+31612345678"),
            new Case("Call 1-800-555-0199 now", "Call [PHONE] now", "1-800-555-0199"),
            new Case("UK office +44 (0)20 7946 0958.", "UK office [PHONE].", "+44 (0)20 7946 0958"),
            new Case("text me 5551234567", "text me [PHONE]", "5551234567"),
            new Case("numbers 555-123-4567 555-987-6543", "numbers [PHONE] [PHONE]", "555-123-4567", "555-987-6543"),
            new Case("card 4111 1111 1111 1111 exp 12/26", "card [CARD] exp 12/26", "4111 1111 1111 1111"),
            new Case("Use 5500-0000-0000-0004.", "Use [CARD].", "5500-0000-0000-0004"),
            new Case("amex 3782 822463 10005", "amex [CARD]", "3782 822463 10005"),
            new Case("card:4012888888881881, cvv later", "card:[CARD], cvv later", "4012888888881881"),
            new Case("old visa 4222222222222 and 6304000000000000018", "old visa [CARD] and [CARD]", "4222222222222", "6304000000000000018"),
            new Case("charge 6011111111111117 instead of #5105105105105100", "charge [CARD] instead of #[CARD]", "6011111111111117", "5105105105105100"),
            new Case("IBAN DE89 3704 0044 0532 0130 00 and BIC", "IBAN [IBAN] and BIC", "DE89 3704 0044 0532 0130 00"),
            new Case("pay to GB82 WEST 1234 5698 7654 32.", "pay to [IBAN].", "GB82 WEST 1234 5698 7654 32"),
            new Case("NL91ABNA0417164300 / be68539007547034", "[IBAN] / [IBAN]", "NL91ABNA0417164300", "be68539007547034"),
            new Case("compte FR14 2004 1010 0505 0001 3M02 606 merci", "compte [IBAN] merci", "FR14 2004 1010 0505 0001 3M02 606"),
            new Case("(IT60X0542811101000000123456)", "([IBAN])", "IT60X0542811101000000123456"),
            new Case("Hi, I'm Ann (ann@example.com, +44 7700 900123), card 4111-1111-1111-1111, refund to ES91 2100 0418 4502 0005 1332",
                    "Hi, I'm Ann ([EMAIL], [PHONE]), card [CARD], refund to [IBAN]",
                    "ann@example.com", "+44 7700 900123", "4111-1111-1111-1111", "ES91 2100 0418 4502 0005 1332"),
            new Case("I paid $45.99 with 4111111111111111 on 2024-03-15", "I paid $45.99 with [CARD] on 2024-03-15", "4111111111111111"),
            new Case("+44 20 7946 0958 2024 was my number", "[PHONE] 2024 was my number", "+44 20 7946 0958"));

    @Test
    void redactsTheCorpusAndLeaksNothing() {
        for (Case c : CORPUS) {
            String out = redactor.redact(c.text());
            assertThat(out).as(c.text()).isEqualTo(c.expected());
            for (String pii : c.pii()) {
                for (String run : digitRuns(pii)) {
                    assertThat(out).as("leak of %s in %s", run, c.text()).doesNotContain(run);
                }
                if (pii.contains("@")) {
                    assertThat(out).doesNotContain(pii.substring(0, pii.indexOf('@')) + "@");
                }
            }
        }
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        List<String> ordinary = List.of(
                "That's $45.99, not €1,299.00 or £12.50",
                "order #12345678 and order 12345678",
                "on 2024-03-15 at 14:30, again 15.03.2024 and 03/15/2024 at 9:45am",
                "the appointment is 2024-03-15 14:30",
                "Fiber 500 gives 1000 Mbps on 2 routers with 10GB",
                "order number 1234 5678 9012 3456 is not a card",
                "reference 1234567890123456 fails the check",
                "version 4.5.10, room 101, ticket 4711",
                "3 times in 24 hours, between 8 and 10",
                "a bill of 1.234.567 is absurd",
                "call center hours 9-17, 7 days a week",
                "ZIP 90210, flat 4B, 221B Baker Street");
        for (String text : ordinary) {
            assertThat(redactor.redact(text)).isEqualTo(text);
        }
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("")).isEmpty();
        assertThat(redactor.redact("no personal data here")).isEqualTo("no personal data here");
    }

    @Test
    void checksums() {
        assertThat(Checksums.luhn("4111111111111111")).isTrue();
        assertThat(Checksums.luhn("4111111111111112")).isFalse();
        assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.iban("DE89370400440532013001")).isFalse();
    }

    private static List<String> digitRuns(String text) {
        List<String> runs = new ArrayList<>();
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            runs.add(m.group());
        }
        return runs;
    }
}
