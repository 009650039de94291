package vigil.jobs.generator;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Random;

/**
 * Personal data that looks real enough for a redactor to find: e-mail addresses, phone numbers in
 * fictional ranges, card numbers that pass the Luhn check, IBANs with valid check digits.
 */
final class Pii {
    private static final String[] MAIL_DOMAINS = {"example.com", "example.org", "example.net", "mail.example",
        "inbox.example", "post.example"};
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Pii() {}

    static String email(String first, String last, Random rnd) {
        String f = ascii(first);
        String l = ascii(last);
        String local;
        switch (rnd.nextInt(4)) {
            case 0: local = f + "." + l; break;
            case 1: local = f.charAt(0) + l + (rnd.nextInt(90) + 10); break;
            case 2: local = f + "_" + l.charAt(0) + (1960 + rnd.nextInt(45)); break;
            default: local = l + "." + f + rnd.nextInt(10); break;
        }
        return local + "@" + Catalog.pick(MAIL_DOMAINS, rnd);
    }

    /** UK drama numbers (07700 900xxx) and US 555-01xx numbers: well-formed but never assigned. */
    static String phone(Random rnd) {
        int tail = rnd.nextInt(1000);
        int us = rnd.nextInt(100);
        switch (rnd.nextInt(5)) {
            case 0: return String.format(Locale.ROOT, "+44 7700 900%03d", tail);
            case 1: return String.format(Locale.ROOT, "07700 900 %03d", tail);
            case 2: return String.format(Locale.ROOT, "+447700900%03d", tail);
            case 3: return String.format(Locale.ROOT, "(%03d) 555-01%02d", 200 + rnd.nextInt(700), us);
            default: return String.format(Locale.ROOT, "+1 %03d 555 01%02d", 200 + rnd.nextInt(700), us);
        }
    }

    /** A Visa, Mastercard or Amex number with a valid Luhn check digit, grouped as people type them. */
    static String cardNumber(Random rnd) {
        int kind = rnd.nextInt(3);
        String prefix = kind == 0 ? "4" : kind == 1 ? "5" + (1 + rnd.nextInt(5)) : (rnd.nextBoolean() ? "34" : "37");
        int length = kind == 2 ? 15 : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(rnd.nextInt(10));
        }
        digits.append(luhnCheckDigit(digits));
        String separator = rnd.nextInt(3) == 0 ? "" : rnd.nextBoolean() ? " " : "-";
        if (separator.isEmpty()) {
            return digits.toString();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** A German, Dutch, French or British IBAN with correct mod-97 check digits. */
    static String iban(Random rnd) {
        String country;
        String bban;
        switch (rnd.nextInt(4)) {
            case 0: country = "DE"; bban = digits(18, rnd); break;
            case 1: country = "NL"; bban = letters(4, rnd) + digits(10, rnd); break;
            case 2: country = "FR"; bban = digits(23, rnd); break;
            default: country = "GB"; bban = letters(4, rnd) + digits(14, rnd); break;
        }
        String iban = country + checkDigits(country, bban) + bban;
        return rnd.nextBoolean() ? iban : grouped(iban);
    }

    static String checkDigits(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    static String expiry(Random rnd) {
        return String.format(Locale.ROOT, "%02d/%02d", 1 + rnd.nextInt(12), 26 + rnd.nextInt(5));
    }

    private static String grouped(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(s.charAt(i));
        }
        return out.toString();
    }

    private static String digits(int n, Random rnd) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(rnd.nextInt(10));
        }
        return out.toString();
    }

    private static String letters(int n, Random rnd) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('A' + rnd.nextInt(26)));
        }
        return out.toString();
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ü", "ue").replace("ö", "oe").replace("ä", "ae");
    }
}
