package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.Random;

/**
 * What happened to customers: reactions to recommended actions, and now and then a customer who
 * churns (more likely after many complaints, on a short contract) or is retained.
 */
final class OutcomeEvents {
    private static final String[] CHANNELS = {"email", "app", "web", "call"};
    // ids of the default next-best-action catalog (vigil/nba/catalog.json)
    private static final String[] ANGRY_ACTIONS = {"retention-offer", "plan-right-size", "supervisor-callback"};
    private static final String[] UPSET_ACTIONS = {"apology-credit", "supervisor-callback", "self-service-guide"};
    private static final String[] CONTENT_ACTIONS = {"premium-upsell", "satisfaction-survey", "plan-right-size"};

    private final World world;

    OutcomeEvents(World world) {
        this.world = world;
    }

    Draft next(long time) {
        Random rnd = world.rnd;
        int recent = world.recentContact();
        boolean followUp = recent >= 0 && rnd.nextDouble() < 0.6;
        Customer c = followUp ? world.recentCustomer(recent) : world.people.pick(rnd);
        String channel = followUp ? world.recentChannel(recent) : Catalog.pick(CHANNELS, rnd);
        if (world.people.get(c.slot) != c) {
            c = world.people.get(c.slot); // churned since; its successor stands in
        }
        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        json.put("customerId", c.id);
        json.put("timestamp", time);
        double churn = Math.min(0.6, 0.005 + 0.03 * c.grievance * c.contractLoyalty());
        if (rnd.nextDouble() < churn) {
            json.put("type", "CHURNED");
            world.newCustomers.add(world.people.replace(c, rnd));
        } else if (c.grievance >= 2 && rnd.nextDouble() < 0.3) {
            json.put("type", "RETAINED");
            json.put("actionId", "retention-offer");
            c.grievance *= 0.5;
        } else {
            String action = Catalog.pick(c.grievance >= 2 ? ANGRY_ACTIONS : c.grievance >= 1 ? UPSET_ACTIONS
                    : CONTENT_ACTIONS, rnd);
            double r = rnd.nextDouble();
            String type = r < 0.35 ? "ACTION_SHOWN" : r < 0.35 + 0.65 * acceptance(action) ? "ACTION_ACCEPTED"
                    : "ACTION_REJECTED";
            if (type.equals("ACTION_ACCEPTED")) {
                c.grievance = Math.max(0, c.grievance - 1);
            }
            json.put("type", type);
            json.put("actionId", action);
        }
        json.put("channel", channel);
        return new Draft(StreamId.OUTCOMES, c.id, json, time);
    }

    private static double acceptance(String action) {
        switch (action) {
            case "apology-credit": return 0.75;
            case "self-service-guide": return 0.7;
            case "retention-offer": return 0.45;
            case "supervisor-callback": return 0.5;
            default: return 0.2;
        }
    }
}
