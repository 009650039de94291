package vigil.jobs.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/** What every part of the generator shares: the random source, the people, texts, ids, topic mix. */
final class World {
    private static final int RECENT = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Random rnd;
    final Population people;
    final Texts texts;
    final Ids ids;
    final TopicMix topics;
    /** New sign-ups whose first full profile is still to be sent. */
    final Deque<Customer> newCustomers = new ArrayDeque<>();
    private final Customer[] recentContacts = new Customer[RECENT];
    private final String[] recentChannels = new String[RECENT];
    private long contacts;

    World(GeneratorSettings settings) {
        this.rnd = new Random(settings.seed());
        this.people = new Population(settings.customers(), rnd);
        this.texts = new Texts(rnd);
        this.ids = new Ids(settings.seed());
        this.topics = new TopicMix(settings.incidents(), settings.startTime());
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static byte[] bytes(ObjectNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Notes a customer's contact: complaints add to the grievance that drives churn; old ones fade. */
    void contacted(Customer customer, Topic topic, String channel) {
        customer.grievance *= 0.85;
        if (topic.isComplaint()) {
            customer.grievance += topic == Topic.CANCELLATION ? 1.5 : 1.0;
        }
        int i = (int) (contacts++ % RECENT);
        recentContacts[i] = customer;
        recentChannels[i] = channel;
    }

    /** A recently contacted customer (index into the ring), or -1 when there has been nobody yet. */
    int recentContact() {
        return contacts == 0 ? -1 : rnd.nextInt((int) Math.min(contacts, RECENT));
    }

    Customer recentCustomer(int i) {
        return recentContacts[i];
    }

    String recentChannel(int i) {
        return recentChannels[i];
    }
}
