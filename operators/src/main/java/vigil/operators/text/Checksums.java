package vigil.operators.text;

/** The check digits that tell a real card number or IBAN from any other run of digits. */
final class Checksums {
    private Checksums() {}

    /** Luhn (mod 10) over a string of ASCII digits, as every payment card number carries. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /**
     * ISO 13616 check of a compact IBAN (letters and digits only): the first four characters moved
     * to the end, letters read as 10..35, the whole number mod 97 must be 1.
     */
    static boolean iban(CharSequence compact) {
        int n = compact.length();
        if (n < 15 || n > 34) {
            return false;
        }
        int rest = 0;
        for (int k = 0; k < n; k++) {
            char c = Character.toUpperCase(compact.charAt((k + 4) % n));
            if (c >= '0' && c <= '9') {
                rest = (rest * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rest = (rest * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rest == 1;
    }
}
