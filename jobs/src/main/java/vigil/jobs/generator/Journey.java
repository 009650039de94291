package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.Random;

/** The kinds of web session and the pages each one visits. */
enum Journey {
    BROWSE(null, 28, true),
    PURCHASE(Topic.PRICING, 14, true),
    BILLING(Topic.BILLING, 16, false),
    SUPPORT(null, 12, true),
    CANCEL(Topic.CANCELLATION, 4, false),
    STATUS(Topic.OUTAGE, 7, true),
    ORDERS(Topic.DELIVERY, 8, false),
    LOGIN_TROUBLE(Topic.LOGIN, 6, true),
    DEVICE_HELP(Topic.DEFECT, 5, true);

    private static final Journey[] ALL = values();
    private static final String[] CANCEL_REASONS = {"reason-price", "reason-moving", "reason-service",
        "reason-competitor", "reason-other"};
    private static final String[] FAQS = {"billing-explained", "router-lights", "roaming", "move-home",
        "upgrade-plan", "sim-activation", "parental-controls"};

    private final Topic topic;
    private final double weight;
    private final boolean anonymous;

    Journey(Topic topic, double weight, boolean anonymous) {
        this.topic = topic;
        this.weight = weight;
        this.anonymous = anonymous;
    }

    /** Visitors who are not logged in cannot see bills, orders or contracts; incidents draw people to their pages. */
    static Journey pick(boolean loggedIn, TopicMix topics, long time, Random rnd) {
        double[] weights = new double[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            Journey j = ALL[i];
            double boost = j.topic == null ? 1 : Math.sqrt(topics.multiplier(StreamId.CLICKS, j.topic, time));
            weights[i] = loggedIn || j.anonymous ? j.weight * boost : 0;
        }
        return ALL[Weighted.pick(weights, rnd)];
    }

    static int errorCode(String page, Random rnd) {
        if (page.startsWith("/login")) {
            return rnd.nextBoolean() ? 401 : rnd.nextBoolean() ? 403 : 429;
        }
        int[] codes = page.contains("payment") || page.contains("billing") ? new int[] {500, 502, 503, 504, 500}
                : new int[] {404, 500, 503, 404, 502};
        return codes[rnd.nextInt(codes.length)];
    }

    void plan(ClickJourney s, Random rnd) {
        switch (this) {
            case BROWSE: browse(s, rnd); break;
            case PURCHASE: purchase(s, rnd); break;
            case BILLING: billing(s, rnd); break;
            case SUPPORT: support(s, rnd); break;
            case CANCEL: cancel(s, rnd); break;
            case STATUS: status(s, rnd); break;
            case ORDERS: orders(s, rnd); break;
            case LOGIN_TROUBLE: login(s, rnd); break;
            default: device(s, rnd); break;
        }
    }

    private static void browse(ClickJourney s, Random rnd) {
        if (!s.view("/") || !s.view("/plans")) {
            return;
        }
        for (int i = rnd.nextInt(3); i >= 0; i--) {
            String plan = "/plans/" + Catalog.slug(Catalog.pick(Catalog.PLANS, rnd));
            if (!s.view(plan)) {
                return;
            }
            if (rnd.nextDouble() < 0.3) {
                s.click(plan, "button#compare");
            }
        }
        if (rnd.nextDouble() < 0.3 && s.view("/coverage")) {
            s.click("/coverage", "button#check-coverage");
        }
    }

    private static void purchase(ClickJourney s, Random rnd) {
        String plan = "/plans/" + Catalog.slug(Catalog.pick(Catalog.PLANS, rnd));
        if (!s.view("/") || !s.view("/plans") || !s.view(plan)) {
            return;
        }
        s.click(plan, "button#choose-plan");
        if (rnd.nextDouble() < 0.6 && !s.view("/pricing")) {
            return;
        }
        // Each checkout step loses some buyers.
        if (s.checkoutStep("cart") && rnd.nextDouble() < 0.8 && s.checkoutStep("details")
                && rnd.nextDouble() < 0.75 && s.checkoutStep("payment") && rnd.nextDouble() < 0.85
                && s.checkoutStep("confirm")) {
            s.view("/checkout/thank-you");
        }
    }

    private static void billing(ClickJourney s, Random rnd) {
        if (!s.view("/account") || !s.view("/account/billing")) {
            return;
        }
        s.click("/account/billing", "link#invoice-" + (2024 + rnd.nextInt(2)) + "-" + (1 + rnd.nextInt(12)));
        if (!s.view("/account/billing/invoice")) {
            return;
        }
        if (rnd.nextDouble() < 0.5 && s.view("/account/payment")) {
            s.click("/account/payment", "button#pay-now");
            s.maybeError("/account/payment");
        } else if (rnd.nextDouble() < 0.3) {
            s.click("/account/billing", "button#dispute-charge");
        }
    }

    private static void support(ClickJourney s, Random rnd) {
        String faq = "/support/faq/" + Catalog.pick(FAQS, rnd);
        if (!s.view("/support") || !s.view(faq)) {
            return;
        }
        if (rnd.nextDouble() < 0.4) {
            s.click(faq, "button#start-chat");
        } else if (rnd.nextDouble() < 0.5) {
            s.view("/support/contact");
        }
    }

    private static void cancel(ClickJourney s, Random rnd) {
        if (!s.view("/account") || !s.view("/account/contract")) {
            return;
        }
        s.click("/account/contract", "button#cancel-contract");
        s.cancelStep(Catalog.pick(CANCEL_REASONS, rnd));
        s.cancelStep("retention-offer");
        if (rnd.nextDouble() < 0.35) {
            s.click("/account/contract/cancel", "button#accept-offer");
        } else if (rnd.nextDouble() < 0.8) {
            s.cancelStep("confirm");
            s.view("/account/contract/cancelled");
        }
    }

    private static void status(ClickJourney s, Random rnd) {
        if (!s.view("/status")) {
            return;
        }
        s.click("/status", "input#postcode");
        if (s.view("/support/outage") && rnd.nextDouble() < 0.3) {
            s.view("/support/outage/map");
        }
    }

    private static void orders(ClickJourney s, Random rnd) {
        String tracking = "/orders/" + s.orderId() + "/tracking";
        if (s.view("/account/orders") && s.view(tracking) && rnd.nextDouble() < 0.4) {
            s.click(tracking, "link#courier-tracking");
        }
    }

    private static void login(ClickJourney s, Random rnd) {
        s.view("/login");
        s.error("/login", errorCode("/login", rnd));
        if (rnd.nextDouble() < 0.5) {
            s.view("/login");
            s.error("/login", errorCode("/login", rnd));
        }
        if (s.view("/login/reset-password")) {
            s.click("/login/reset-password", "button#send-reset");
        }
    }

    private static void device(ClickJourney s, Random rnd) {
        String page = "/support/devices/" + Catalog.slug(Catalog.pick(Catalog.PRODUCTS, rnd));
        if (s.view("/support/devices") && s.view(page)) {
            s.click(page, "button#troubleshoot");
            if (rnd.nextDouble() < 0.4) {
                s.view("/support/devices/replacement");
            }
        }
    }
}
