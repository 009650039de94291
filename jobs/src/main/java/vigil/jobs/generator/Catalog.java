package vigil.jobs.generator;

import java.util.Random;

/** The fictional operator's offer: plans with list prices, devices, contract kinds. */
final class Catalog {
    static final String BRAND = "Kestrel";
    static final String BRAND_HANDLE = "@KestrelHelp";

    static final String[] PLANS = {"Fibre 100", "Fibre 500", "Fibre 1000", "Mobile S", "Mobile M",
        "Mobile Unlimited", "Home Bundle", "Family Bundle"};
    static final double[] PLAN_PRICES = {29.99, 39.99, 54.99, 9.99, 19.99, 34.99, 64.99, 89.99};
    private static final double[] PLAN_WEIGHTS = {14, 16, 6, 10, 14, 12, 16, 12};

    static final String[] CONTRACTS = {"month-to-month", "one-year", "two-year"};
    private static final double[] CONTRACT_WEIGHTS = {50, 22, 28};

    static final String[] PRODUCTS = {"Hub 3 router", "Hub 2 router", "TV box", "4K TV box", "mesh booster",
        "SIM card", "eSIM", "landline handset", "mobile broadband dongle", "smart home camera"};
    static final String[] DEVICES = {"Nova X2", "Nova X2 Pro", "Orbit 5", "Orbit 5 Mini", "Pulse 12", "phone",
        "tablet", "new phone"};

    static final String[] REGIONS = {"north", "south", "east", "west", "central", "metro"};
    static final String[] PAYMENT_METHODS = {"direct-debit", "card", "bank-transfer", "paypal"};
    static final String[] SEGMENTS = {"residential", "residential", "residential", "small-business"};

    private Catalog() {}

    static int randomPlan(Random rnd) {
        return Weighted.pick(PLAN_WEIGHTS, rnd);
    }

    static String randomContract(Random rnd) {
        return CONTRACTS[Weighted.pick(CONTRACT_WEIGHTS, rnd)];
    }

    static int planIndex(String plan) {
        for (int i = 0; i < PLANS.length; i++) {
            if (PLANS[i].equals(plan)) {
                return i;
            }
        }
        return 0;
    }

    /** URL-style name of a plan or product, e.g. "fibre-500". */
    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    static String pick(String[] options, Random rnd) {
        return options[rnd.nextInt(options.length)];
    }
}
