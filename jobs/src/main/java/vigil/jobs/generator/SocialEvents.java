package vigil.jobs.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.schemas.streams.StreamId;

import java.util.Random;

/** Posts, mentions and replies about the brand, by customers with a linked handle or by strangers. */
final class SocialEvents {
    private static final String[] PLATFORMS = {"twitter", "facebook", "instagram", "reddit", "trustpilot", "tiktok"};
    private static final double[] PLATFORM_WEIGHTS = {45, 20, 10, 10, 10, 5};
    private static final String[] TYPES = {"POST", "MENTION", "REPLY"};
    private static final double[] TYPE_WEIGHTS = {35, 45, 20};

    private final World world;

    SocialEvents(World world) {
        this.world = world;
    }

    Draft next(long time) {
        Random rnd = world.rnd;
        Customer linked = rnd.nextDouble() < 0.6 ? world.people.pickWithHandle(rnd) : null;
        String handle = linked != null ? linked.handle : world.people.publicHandle(rnd);
        // A stranger's post still names a plan or price: borrow a random customer's for the details.
        Customer about = linked != null ? linked : world.people.pick(rnd);
        Topic topic = world.topics.pick(StreamId.SOCIAL, linked != null ? linked.grumpiness : 1, time, rnd);
        if (linked != null) {
            world.contacted(linked, topic, "social");
        }
        String type = TYPES[Weighted.pick(TYPE_WEIGHTS, rnd)];
        String platform = PLATFORMS[Weighted.pick(PLATFORM_WEIGHTS, rnd)];

        ObjectNode json = World.object();
        json.put("eventId", world.ids.next("ev-"));
        if (linked != null) {
            json.put("customerId", linked.id);
        }
        json.put("handle", handle);
        json.put("type", type);
        json.put("platform", platform);
        json.put("text", world.texts.post(about, topic, type, time));
        json.put("timestamp", time);
        json.put("url", url(platform, handle, rnd));
        json.put("followers", linked != null ? linked.followers : followersOf(handle));
        return new Draft(StreamId.SOCIAL, linked != null ? linked.id : handle, json, time);
    }

    private static String url(String platform, String handle, Random rnd) {
        long id = Ids.mix(rnd.nextLong()) >>> 1;
        switch (platform) {
            case "twitter": return "https://twitter.com/" + handle + "/status/" + id;
            case "facebook": return "https://facebook.com/" + handle + "/posts/" + id;
            case "instagram": return "https://instagram.com/p/" + Long.toString(id, 36);
            case "reddit": return "https://reddit.com/r/telecom/comments/" + Long.toString(id % 100_000_000L, 36);
            case "trustpilot": return "https://trustpilot.com/reviews/" + Long.toHexString(id);
            default: return "https://tiktok.com/@" + handle + "/video/" + id;
        }
    }

    /** Stable per handle, heavy-tailed: most people have a few hundred followers, a few have many. */
    private static int followersOf(String handle) {
        long h = Ids.mix(handle.hashCode());
        double u = ((h >>> 11) & ((1L << 40) - 1)) / (double) (1L << 40);
        return (int) Math.min(5_000_000, 20 / StrictMath.pow(1 - u, 1.2));
    }
}
