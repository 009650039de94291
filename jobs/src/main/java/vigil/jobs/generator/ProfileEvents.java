package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.Random;

/**
 * CRM updates: first a full profile of every customer (the initial sync) and of each new sign-up,
 * then partial updates that change one thing: tenure, plan, contract, price or an attribute.
 */
final class ProfileEvents {
    private final World world;
    private final int[] syncOrder;
    private int synced;

    ProfileEvents(World world) {
        this.world = world;
        syncOrder = new int[world.people.size()];
        for (int i = 0; i < syncOrder.length; i++) {
            int j = world.rnd.nextInt(i + 1);
            syncOrder[i] = syncOrder[j];
            syncOrder[j] = i;
        }
    }

    Draft next(long time) {
        Customer c;
        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        if (!world.newCustomers.isEmpty() || synced < syncOrder.length) {
            c = !world.newCustomers.isEmpty() ? world.newCustomers.poll() : world.people.get(syncOrder[synced++]);
            header(json, c, time);
            full(json, c);
        } else {
            c = world.people.pick(world.rnd);
            header(json, c, time);
            change(json, c, world.rnd);
        }
        return new Draft(StreamId.PROFILES, c.id, json, time);
    }

    private static void header(ObjectNode json, Customer c, long time) {
        json.put("customerId", c.id);
        json.put("timestamp", time);
    }

    private static void full(ObjectNode json, Customer c) {
        json.put("tenureMonths", c.tenureMonths);
        json.put("plan", c.plan());
        json.put("contract", c.contract);
        json.put("monthlyCharges", c.monthlyCharges);
        json.put("totalCharges", c.totalCharges);
        json.put("valueTier", c.valueTier());
        ObjectNode attributes = json.putObject("attributes");
        attributes.put("region", c.region);
        attributes.put("paymentMethod", c.paymentMethod);
        attributes.put("segment", c.segment);
    }

    private static void change(ObjectNode json, Customer c, Random rnd) {
        switch (rnd.nextInt(5)) {
            case 0:
                c.tenureMonths++;
                c.totalCharges = Customer.round(c.totalCharges + c.monthlyCharges);
                json.put("tenureMonths", c.tenureMonths);
                json.put("totalCharges", c.totalCharges);
                break;
            case 1:
                c.planIndex = Catalog.randomPlan(rnd);
                c.monthlyCharges = Customer.round(Catalog.PLAN_PRICES[c.planIndex] * (0.9 + rnd.nextDouble() * 0.3));
                json.put("plan", c.plan());
                json.put("monthlyCharges", c.monthlyCharges);
                json.put("valueTier", c.valueTier());
                break;
            case 2:
                c.contract = rnd.nextBoolean() ? "one-year" : "two-year";
                json.put("contract", c.contract);
                break;
            case 3:
                // The yearly price rise.
                c.monthlyCharges = Customer.round(c.monthlyCharges * 1.049);
                json.put("monthlyCharges", c.monthlyCharges);
                json.put("valueTier", c.valueTier());
                break;
            default:
                ObjectNode attributes = json.putObject("attributes");
                if (rnd.nextBoolean()) {
                    attributes.put("marketingOptIn", Boolean.toString(rnd.nextBoolean()));
                } else {
                    attributes.put("paymentMethod", Catalog.pick(Catalog.PAYMENT_METHODS, rnd));
                }
                break;
        }
    }
}
