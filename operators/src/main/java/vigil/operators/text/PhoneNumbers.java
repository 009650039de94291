package vigil.operators.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers in international (+44 20 7946 0958, 0044...) and national formats
 * (555-123-4567, (555) 123.4567, 06 12 34 56 78, 07700900123) while leaving amounts, dates,
 * times and order numbers alone. Rules, on a run of digits joined by spaces, dots, dashes or brackets:
 * <ul>
 *   <li>with a leading +: 8 to 15 digits (E.164);</li>
 *   <li>grouped: 9 to 15 digits, unless it reads as a date or a dotted thousands number;</li>
 *   <li>one block: 10 or 11 digits, or 00 and 11 to 15 digits.</li>
 * </ul>
 * A run right after a letter, digit, '#', '/', '@' or a currency sign is an identifier or an
 * amount, never a phone. National numbers shorter than 9 digits are not recognised.
 */
final class PhoneNumbers {
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_#$€£¥@/])(?<!\\d[.,])\\+?\\(?\\d(?:[ .\\-()]{0,2}\\d)*+");
    private static final Pattern PIECE = Pattern.compile("\\S+");
    private static final Pattern DATE = Pattern.compile(
            "(?:19|20)\\d\\d[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./](?:19|20)\\d\\d");
    private static final Pattern DOTTED_THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
    /** Four-digit groups of card length that failed the Luhn check: an order number, not a phone. */
    private static final Pattern CARD_SHAPED = Pattern.compile("\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?");

    private PhoneNumbers() {}

    /** Character spans [start, end) of the phone numbers in a text, in order. */
    static List<int[]> find(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            if (CARD_SHAPED.matcher(run.group()).matches()) {
                continue;
            }
            List<int[]> pieces = new ArrayList<>();
            Matcher piece = PIECE.matcher(text).region(run.start(), run.end());
            while (piece.find()) {
                pieces.add(new int[] {piece.start(), piece.end()});
            }
            collect(text, pieces, spans);
        }
        return spans;
    }

    /** Left to right, the longest phone starting at each piece; pieces that start none stay as typed. */
    private static void collect(String text, List<int[]> pieces, List<int[]> spans) {
        int i = 0;
        while (i < pieces.size()) {
            int found = -1;
            for (int j = pieces.size() - 1; j >= i && found < 0; j--) {
                if (isPhone(text.substring(pieces.get(i)[0], pieces.get(j)[1]))) {
                    found = j;
                }
            }
            if (found < 0) {
                i++;
            } else {
                spans.add(new int[] {pieces.get(i)[0], pieces.get(found)[1]});
                i = found + 1;
            }
        }
    }

    static boolean isPhone(String candidate) {
        int digits = 0;
        boolean grouped = false;
        for (int k = 0; k < candidate.length(); k++) {
            char c = candidate.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '+') {
                grouped = true;
            }
        }
        if (DATE.matcher(candidate).find()) {
            return false;
        }
        if (candidate.startsWith("+")) {
            return digits >= 8 && digits <= 15;
        }
        if (!grouped) {
            return (digits >= 10 && digits <= 11) || (candidate.startsWith("00") && digits >= 11 && digits <= 15);
        }
        if (DOTTED_THOUSANDS.matcher(candidate).matches()) {
            return false;
        }
        return digits >= 9 && digits <= 15;
    }
}
