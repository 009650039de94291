package vigil.operators.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass
 * the Luhn check. Only the check separates a card from an order or tracking number of the same shape.
 */
final class CardNumbers {
    /** A run of at least 13 digits with single spaces or dashes between them. */
    private static final Pattern RUN = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,}+");
    private static final Pattern GROUP = Pattern.compile("\\d+");

    private CardNumbers() {}

    /** Character spans [start, end) of the card numbers in a text, in order. */
    static List<int[]> find(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            List<int[]> groups = new ArrayList<>();
            Matcher group = GROUP.matcher(text).region(run.start(), run.end());
            while (group.find()) {
                groups.add(new int[] {group.start(), group.end()});
            }
            collect(text, groups, 0, groups.size(), spans);
        }
        return spans;
    }

    /**
     * Cards are typed as one block or in groups of 4 to 6 digits (4-4-4-4, Amex 4-6-5) with one kind of
     * separator; the last group may be shorter. This keeps neighbouring phone numbers from being
     * read as a card when their digits happen to pass Luhn (one chance in ten).
     */
    private static boolean shaped(String text, List<int[]> groups, int from, int to) {
        if (from == to) {
            return true;
        }
        char separator = text.charAt(groups.get(from)[1]);
        if (groups.get(from)[1] - groups.get(from)[0] != 4) {
            return false;
        }
        for (int k = from; k < to; k++) {
            int length = groups.get(k)[1] - groups.get(k)[0];
            if (length < 4 || length > 6 || text.charAt(groups.get(k)[1]) != separator) {
                return false;
            }
        }
        return true;
    }

    /**
     * Within groups [lo, hi), takes the valid card covering most digits (a run may glue a card to a
     * neighbouring number), then looks left and right of it. Cards start and end on group borders.
     */
    private static void collect(String text, List<int[]> groups, int lo, int hi, List<int[]> spans) {
        int bestFrom = -1;
        int bestTo = -1;
        int bestDigits = 0;
        StringBuilder digits = new StringBuilder(24);
        for (int i = lo; i < hi; i++) {
            digits.setLength(0);
            for (int j = i; j < hi; j++) {
                digits.append(text, groups.get(j)[0], groups.get(j)[1]);
                if (digits.length() > 19) {
                    break;
                }
                if (digits.length() >= 13 && digits.length() > bestDigits && shaped(text, groups, i, j)
                        && Checksums.luhn(digits)) {
                    bestFrom = i;
                    bestTo = j;
                    bestDigits = digits.length();
                }
            }
        }
        if (bestFrom < 0) {
            return;
        }
        collect(text, groups, lo, bestFrom, spans);
        spans.add(new int[] {groups.get(bestFrom)[0], groups.get(bestTo)[1]});
        collect(text, groups, bestTo + 1, hi, spans);
    }
}
