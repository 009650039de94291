package vigil.jobs.generator;

import java.util.Random;

/** One synthetic customer: stable identity, CRM attributes that change slowly, and a running grievance. */
final class Customer {
    static final int CALL = 1;
    static final int CHAT = 2;
    static final int WEB = 4;

    final String id;
    final String firstName;
    final String lastName;
    final String email;
    final String phone;
    /** The linked social handle, or null. */
    final String handle;
    final int followers;
    /** Above 1: complains more readily than average. */
    final double grumpiness;
    final String region;
    final String paymentMethod;
    final String segment;

    /** Position in the population; a new sign-up takes over a churned customer's slot. */
    int slot;
    int planIndex;
    String contract;
    int tenureMonths;
    double monthlyCharges;
    double totalCharges;
    /** Rises with every complaint and falls with accepted offers; drives churn. */
    double grievance;
    /** Bit per channel (CALL, CHAT, WEB) in which the customer is in a live conversation. */
    int busy;

    Customer(String id, boolean withHandle, Random rnd) {
        this.id = id;
        this.firstName = Catalog.pick(Words.FIRST_NAMES, rnd);
        this.lastName = Catalog.pick(Words.LAST_NAMES, rnd);
        this.email = Pii.email(firstName, lastName, rnd);
        this.phone = Pii.phone(rnd);
        this.handle = withHandle ? handleFor(firstName, lastName, rnd) : null;
        // StrictMath: the same bits on every JVM, so a seed gives the same population everywhere.
        this.followers = (int) Math.min(2_000_000, StrictMath.exp(3 + 1.8 * Math.abs(rnd.nextGaussian())));
        this.grumpiness = StrictMath.exp(0.45 * rnd.nextGaussian());
        this.region = Catalog.pick(Catalog.REGIONS, rnd);
        this.paymentMethod = Catalog.pick(Catalog.PAYMENT_METHODS, rnd);
        this.segment = Catalog.pick(Catalog.SEGMENTS, rnd);
        this.planIndex = Catalog.randomPlan(rnd);
        this.contract = Catalog.randomContract(rnd);
        this.tenureMonths = 1 + (int) Math.min(119, Math.abs(rnd.nextGaussian()) * 30);
        this.monthlyCharges = round(Catalog.PLAN_PRICES[planIndex] * (0.85 + rnd.nextDouble() * 0.4));
        this.totalCharges = round(monthlyCharges * tenureMonths * (0.92 + rnd.nextDouble() * 0.1));
    }

    String plan() {
        return Catalog.PLANS[planIndex];
    }

    /** VIP, HIGH, MEDIUM or LOW, from spend and loyalty. */
    String valueTier() {
        if (monthlyCharges > 75 && tenureMonths >= 36) {
            return "VIP";
        }
        if (monthlyCharges > 55 || (monthlyCharges > 35 && tenureMonths >= 24)) {
            return "HIGH";
        }
        return monthlyCharges > 20 ? "MEDIUM" : "LOW";
    }

    /** Month-to-month customers leave more easily; long contracts hold them. */
    double contractLoyalty() {
        switch (contract) {
            case "two-year": return 0.5;
            case "one-year": return 0.8;
            default: return 1.4;
        }
    }

    String tenureText() {
        if (tenureMonths < 12) {
            return tenureMonths <= 1 ? "a month" : tenureMonths + " months";
        }
        int years = tenureMonths / 12;
        return years == 1 ? "over a year" : years + " years";
    }

    static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }

    private static String handleFor(String first, String last, Random rnd) {
        String f = first.toLowerCase(java.util.Locale.ROOT);
        switch (rnd.nextInt(4)) {
            case 0: return f + "_" + Character.toLowerCase(last.charAt(0)) + (rnd.nextInt(900) + 100);
            case 1: return f + Catalog.pick(Words.HANDLE_WORDS, rnd) + rnd.nextInt(100);
            case 2: return Catalog.pick(Words.HANDLE_WORDS, rnd) + "_" + f;
            default: return f + "." + last.toLowerCase(java.util.Locale.ROOT).replace("ü", "ue") + rnd.nextInt(10);
        }
    }
}
