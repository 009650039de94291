package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One web or app session following a journey (browsing, checkout, bills, cancelling, ...), with
 * error pages now and then; during an incident, the topic's pages fail far more often.
 */
final class ClickJourney implements Activity {
    private static final double BASE_ERROR = 0.01;
    private static final double TOPIC_PAGE_ERROR = 0.015;

    private final World world;
    private final Customer customer;
    private final String anonymousId;
    private final String sessionId;
    private final List<Step> steps = new ArrayList<>();
    private final long startTime;
    private int index;

    private static final class Step {
        final String type;
        final String page;
        final String element;
        final int errorCode;

        Step(String type, String page, String element, int errorCode) {
            this.type = type;
            this.page = page;
            this.element = element;
            this.errorCode = errorCode;
        }
    }

    ClickJourney(World world, long time) {
        this.world = world;
        this.startTime = time;
        Random rnd = world.rnd;
        boolean loggedIn = rnd.nextDouble() < 0.65;
        this.customer = loggedIn ? world.people.pickFree(Customer.WEB, rnd) : null;
        this.anonymousId = loggedIn ? null : world.people.anonymousId(rnd);
        this.sessionId = world.ids.next("s-");
        Journey journey = Journey.pick(loggedIn, world.topics, time, rnd);
        if (customer != null) {
            customer.busy |= Customer.WEB;
            if (journey == Journey.CANCEL) {
                world.contacted(customer, Topic.CANCELLATION, "web");
            }
        }
        journey.plan(this, rnd);
        if (steps.isEmpty()) {
            view("/");
        }
    }

    @Override
    public Draft next(long time) {
        Step step = steps.get(index++);
        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        if (customer != null) {
            json.put("customerId", customer.id);
        } else {
            json.put("anonymousId", anonymousId);
        }
        json.put("sessionId", sessionId);
        json.put("type", step.type);
        json.put("page", step.page);
        if (step.element != null) {
            json.put("element", step.element);
        }
        if (step.errorCode != 0) {
            json.put("errorCode", step.errorCode);
        }
        json.put("timestamp", time);
        if (finished() && customer != null) {
            customer.busy &= ~Customer.WEB;
        }
        return new Draft(StreamId.CLICKS, customer != null ? customer.id : anonymousId, json, time);
    }

    @Override
    public boolean finished() {
        return index >= steps.size();
    }

    /** A page view, sometimes failing; returns false when the visitor gives up after an error. */
    boolean view(String page) {
        steps.add(new Step("PAGE_VIEW", page, null, 0));
        return maybeError(page);
    }

    /** Now and then the page fails; returns false when the visitor gives up. */
    boolean maybeError(String page) {
        return world.rnd.nextDouble() >= errorChance(page) || error(page, Journey.errorCode(page, world.rnd));
    }

    void click(String page, String element) {
        steps.add(new Step("CLICK", page, element, 0));
    }

    boolean checkoutStep(String step) {
        steps.add(new Step("CHECKOUT_STEP", "/checkout/" + step, step, 0));
        return maybeError("/checkout/" + step);
    }

    void cancelStep(String step) {
        steps.add(new Step("CANCEL_STEP", "/account/contract/cancel", step, 0));
    }

    /** An error page; the visitor gives up 40 % of the time. */
    boolean error(String page, int code) {
        steps.add(new Step("ERROR", page, null, code));
        return world.rnd.nextDouble() >= 0.4;
    }

    String orderId() {
        return "ORD-" + (1_000_000 + world.rnd.nextInt(9_000_000));
    }

    private double errorChance(String page) {
        for (Topic topic : Topic.values()) {
            if (topic.ownsPage(page)) {
                return Math.min(0.9, TOPIC_PAGE_ERROR * world.topics.multiplier(StreamId.CLICKS, topic, startTime));
            }
        }
        return BASE_ERROR;
    }
}
