package vigil.jobs.generator;

import java.util.Locale;
import java.util.Random;

/** Fills a template's {placeholders} with details: amounts, dates, plans, products, names, PII. */
final class Filler {
    private static final String[] DATES = {"yesterday", "on Monday", "last Tuesday", "last week", "this morning",
        "two weeks ago", "on Friday", "at the weekend", "last month"};
    private static final String[] FUTURE = {"tomorrow", "on Thursday", "next Monday", "on the 14th",
        "next week", "on Saturday morning", "the day after tomorrow"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"two days", "three days", "five days", "a week", "ten days", "two weeks",
        "over a month", "a fortnight"};
    private static final String[] TIMES = {"twice", "three times", "four times", "several times", "again",
        "five times"};
    private static final String[] HOURS = {"since this morning", "since last night", "all weekend", "since Friday",
        "for two days", "since yesterday", "all day"};
    private static final String[] INTENSIFIERS = {"really", "so", "very", "extremely", "incredibly", "absolutely",
        "totally", "seriously", "quite", "REALLY", "beyond"};
    private static final String[] NEGATIVE = {"frustrated", "annoyed", "fed up", "disappointed", "angry", "upset",
        "stressed", "let down"};
    private static final String[] POSITIVE = {"great", "brilliant", "fantastic", "really helpful", "super quick",
        "lovely", "excellent", "spot on", "so patient"};
    private static final String[] CODES = {"error 401", "error code E-1043", "ERR_AUTH_FAILED", "code 0x80070005",
        "an unknown error", "error 500", "'something went wrong'", "session expired"};
    private static final String[] ORDINALS = {"second", "third", "fourth", "fifth", "sixth"};
    private static final String[] DISCOUNTS = {"20%", "a third", "€10 a month", "25%", "15%"};
    private static final String[] FIX_TIMES = {"by 6pm today", "within 24 hours", "by tomorrow morning",
        "in about four hours", "by the end of the day"};
    private static final String[] SLUGS = {"billing-explained", "router-lights", "reset-password", "track-order",
        "roaming", "move-home", "upgrade-plan", "direct-debit", "outage-map", "sim-activation"};

    private final Random rnd;
    private Customer customer;
    private String agent;
    private String queue;
    private long time;

    Filler(Random rnd) {
        this.rnd = rnd;
    }

    /** Sets who is talking about what; returns this for chaining. */
    Filler about(Customer customer, String agent, String queue, long time) {
        this.customer = customer;
        this.agent = agent;
        this.queue = queue;
        this.time = time;
        return this;
    }

    String fill(String template) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            out.append(template, from, open).append(value(template.substring(open + 1, close)));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private String value(String name) {
        switch (name) {
            case "amount": return money(customer.monthlyCharges * (1.2 + rnd.nextDouble()));
            case "price": return money(Catalog.PLAN_PRICES[customer.planIndex]);
            case "extra": return money(5 + rnd.nextInt(56) + (rnd.nextBoolean() ? 0.99 : 0.5));
            case "otherprice": return money(Catalog.PLAN_PRICES[customer.planIndex] * (0.5 + rnd.nextDouble() * 0.3));
            case "plan": return customer.plan();
            case "otherplan": return Catalog.PLANS[(customer.planIndex + 1 + rnd.nextInt(Catalog.PLANS.length - 1))
                    % Catalog.PLANS.length];
            case "product": return Catalog.pick(Catalog.PRODUCTS, rnd);
            case "device": return Catalog.pick(Catalog.DEVICES, rnd);
            case "order": return rnd.nextBoolean() ? "ORD-" + (1_000_000 + rnd.nextInt(9_000_000))
                    : "#" + (10_000_000 + rnd.nextInt(90_000_000));
            case "date": return date();
            case "days": return rnd.nextInt(3) == 0 ? (3 + rnd.nextInt(20)) + " days" : Catalog.pick(DAYS, rnd);
            case "times": return Catalog.pick(TIMES, rnd);
            case "hours": return rnd.nextInt(3) == 0 ? "for " + (2 + rnd.nextInt(30)) + " hours"
                    : Catalog.pick(HOURS, rnd);
            case "town": return Catalog.pick(Words.TOWNS, rnd);
            case "int": return Catalog.pick(INTENSIFIERS, rnd);
            case "neg": return Catalog.pick(NEGATIVE, rnd);
            case "pos": return Catalog.pick(POSITIVE, rnd);
            case "agent": return agent != null ? agent : Catalog.pick(Words.FIRST_NAMES, rnd);
            case "code": return Catalog.pick(CODES, rnd);
            case "minutes": return (10 + rnd.nextInt(80)) + " minutes";
            case "wait": return (2 + rnd.nextInt(14)) + " minutes";
            case "future": return Catalog.pick(FUTURE, rnd);
            case "ticket": return "TCK-" + (100_000 + rnd.nextInt(900_000));
            case "speed": return rnd.nextBoolean() ? (1 + rnd.nextInt(15)) + " Mbps" : "barely " + (1 + rnd.nextInt(9))
                    + " meg";
            case "years": return customer.tenureText();
            case "contract": return customer.contract;
            case "first": return customer.firstName;
            case "fullname": return customer.firstName + " " + customer.lastName;
            case "email": return customer.email;
            case "phone": return customer.phone;
            case "card": return Pii.cardNumber(rnd);
            case "exp": return Pii.expiry(rnd);
            case "iban": return Pii.iban(rnd);
            case "acct": return "KS" + (10_000_000 + rnd.nextInt(90_000_000));
            case "ordinal": return Catalog.pick(ORDINALS, rnd);
            case "queue": return queue == null ? "support" : queue;
            case "discount": return Catalog.pick(DISCOUNTS, rnd);
            case "fixtime": return Catalog.pick(FIX_TIMES, rnd);
            case "daypart": return daypart();
            case "slug": return Catalog.pick(SLUGS, rnd);
            case "brand": return Catalog.BRAND;
            default: throw new IllegalStateException("unknown placeholder {" + name + "}");
        }
    }

    private String money(double amount) {
        switch (rnd.nextInt(6)) {
            case 0: return String.format(Locale.ROOT, "%.2f euros", amount);
            case 1: return String.format(Locale.ROOT, "EUR %.2f", amount);
            case 2: return "€" + Math.round(amount);
            default: return String.format(Locale.ROOT, "€%.2f", amount);
        }
    }

    private String date() {
        switch (rnd.nextInt(3)) {
            case 0: return "on the " + ordinalDay(1 + rnd.nextInt(28));
            case 1: return "on " + (1 + rnd.nextInt(28)) + " " + Catalog.pick(MONTHS, rnd);
            default: return Catalog.pick(DATES, rnd);
        }
    }

    private static String ordinalDay(int day) {
        String suffix = day >= 11 && day <= 13 ? "th"
                : day % 10 == 1 ? "st" : day % 10 == 2 ? "nd" : day % 10 == 3 ? "rd" : "th";
        return day + suffix;
    }

    private String daypart() {
        long hour = (time / 3_600_000L) % 24;
        return hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
    }
}
