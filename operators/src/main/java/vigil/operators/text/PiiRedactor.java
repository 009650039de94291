package vigil.operators.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in free text before it is analysed or leaves Vigil: e-mail addresses,
 * IBANs (mod-97 checked), payment card numbers (Luhn checked) and phone numbers become
 * {@code [EMAIL]}, {@code [IBAN]}, {@code [CARD]} and {@code [PHONE]}. Amounts, dates, times and
 * order numbers stay. Stateless and thread-safe: patterns are compiled once per class.
 */
public final class PiiRedactor {
    public static final String EMAIL = "[EMAIL]";
    public static final String IBAN = "[IBAN]";
    public static final String CARD = "[CARD]";
    public static final String PHONE = "[PHONE]";

    private static final PiiRedactor SHARED = new PiiRedactor();

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /** Country code, check digits, then up to 30 letters or digits, optionally grouped. */
    private static final Pattern IBAN_CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]){11,30}");

    public static PiiRedactor shared() {
        return SHARED;
    }

    /** The text with every recognised item of personal data replaced; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.indexOf('@') >= 0) {
            out = EMAIL_ADDRESS.matcher(out).replaceAll(Matcher.quoteReplacement(EMAIL));
        }
        if (!hasDigit(out)) {
            return out;
        }
        // IBANs first (they contain digit runs), then cards (checked), then the looser phone rules.
        out = replace(out, ibans(out), IBAN);
        out = replace(out, CardNumbers.find(out), CARD);
        return replace(out, PhoneNumbers.find(out), PHONE);
    }

    private static List<int[]> ibans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = IBAN_CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = validIbanEnd(text, m.start(), m.end());
            if (end < 0) {
                from = m.start() + 1;
            } else {
                spans.add(new int[] {m.start(), end});
                from = end;
            }
        }
        return spans;
    }

    /**
     * The candidate may run on into the next words ("DE89 3704 ... 00 and"): try every end that
     * falls on a word border, longest first, and keep the first that passes the check.
     */
    private static int validIbanEnd(String text, int start, int end) {
        StringBuilder compact = new StringBuilder(34);
        int[] borders = new int[end - start + 1];
        int[] lengths = new int[end - start + 1];
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(c);
                if (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
                    borders[count] = i + 1;
                    lengths[count++] = compact.length();
                }
            }
        }
        for (int k = count - 1; k >= 0; k--) {
            if (Checksums.iban(compact.subSequence(0, lengths[k]))) {
                return borders[k];
            }
        }
        return -1;
    }

    private static String replace(String text, List<int[]> spans, String placeholder) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] span : spans) {
            out.append(text, copied, span[0]).append(placeholder);
            copied = span[1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
