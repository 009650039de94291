package vigil.jobs.generator;

import java.util.List;
import java.util.Locale;

/** What a conversation or post is about; complaints are negative, praise positive, questions neutral. */
enum Topic {
    BILLING(-1, "billing", List.of("/account/billing", "/account/payment", "/checkout/payment"), "billing"),
    OUTAGE(-1, "technical", List.of("/status", "/support/outage"), "outage", "connectivity", "network"),
    CANCELLATION(-1, "retention", List.of("/account/contract"), "cancellation", "cancel", "churn"),
    DELIVERY(-1, "orders", List.of("/account/orders", "/orders"), "delivery", "orders"),
    DEFECT(-1, "technical", List.of("/support/devices"), "defect", "product", "device"),
    LOGIN(-1, "technical", List.of("/login", "/account/security"), "login", "app"),
    PRICING(-1, "sales", List.of("/plans", "/pricing"), "pricing", "price"),
    AGENT_CONDUCT(-1, "complaints", List.of(), "agent", "agent-conduct", "service"),
    PRAISE(1, "general", List.of(), "praise"),
    QUESTION(0, "general", List.of(), "question", "questions");

    private final int polarity;
    private final String queue;
    private final List<String> pages;
    private final List<String> names;

    Topic(int polarity, String queue, List<String> pages, String... names) {
        this.polarity = polarity;
        this.queue = queue;
        this.pages = pages;
        this.names = List.of(names);
    }

    /** The topic an incident names, e.g. "billing" or "outage". */
    static Topic forName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Topic topic : values()) {
            if (topic.names.contains(wanted) || topic.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + name + "'; known: billing, outage, cancellation, "
                + "delivery, defect, login, pricing, agent, praise, question");
    }

    int polarity() {
        return polarity;
    }

    boolean isComplaint() {
        return polarity < 0;
    }

    String queue() {
        return queue;
    }

    /** True when a web page belongs to this topic, so incidents on the topic make it fail more often. */
    boolean ownsPage(String page) {
        for (String prefix : pages) {
            if (page.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
