package vigil.operators.customer;

import vigil.schemas.CustomerState;
import vigil.schemas.TopicContact;
import vigil.schemas.TopicContacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Remembers, per topic, the latest contacts (calls, chat conversations, social posts) in which the
 * customer raised it, to recognise repeat contacts: a contact about a topic the customer raised in
 * another contact at most {@code withinMs} earlier. Each (contact, topic) pair is a repeat at most
 * once. A late contact can also make a later one a repeat, so the repeats found do not depend on
 * arrival order as long as the contacts involved are still remembered.
 */
public final class TopicMemory {
    /** Contacts remembered per topic: enough to pair a new contact with its predecessors. */
    static final int CONTACTS_PER_TOPIC = 4;
    /** Topics remembered; the one raised longest ago is forgotten first. */
    static final int MAX_TOPICS = 16;

    private final long withinMs;

    public TopicMemory(long withinMs) {
        if (withinMs <= 0) {
            throw new IllegalArgumentException("the repeat-contact interval must be positive");
        }
        this.withinMs = withinMs;
    }

    /**
     * Notes that the customer raised {@code topic} in {@code contact} at time {@code at}.
     *
     * @return the times of the contacts that this makes repeat contacts (this one, later ones, or
     *     none), each to be counted once
     */
    public List<Long> raise(CustomerState state, String topic, String contact, long at) {
        List<TopicContact> contacts = forTopic(state, topic).getContacts();
        List<Long> repeats = new ArrayList<>();
        for (TopicContact c : contacts) {
            if (c.getContact().equals(contact)) {
                return repeats; // the same conversation raising its topic again is not a new contact
            }
        }
        if (contacts.stream().anyMatch(c -> c.getAt() <= at && at - c.getAt() <= withinMs)) {
            repeats.add(at);
        }
        for (TopicContact later : contacts) {
            if (later.getAt() > at && later.getAt() - at <= withinMs && !hasPredecessor(contacts, later)) {
                repeats.add(later.getAt());
            }
        }
        contacts.add(new TopicContact(contact, at));
        contacts.sort(Comparator.comparingLong(TopicContact::getAt));
        while (contacts.size() > CONTACTS_PER_TOPIC) {
            contacts.remove(0);
        }
        return repeats;
    }

    private boolean hasPredecessor(List<TopicContact> contacts, TopicContact contact) {
        for (TopicContact c : contacts) {
            if (c != contact && c.getAt() <= contact.getAt() && contact.getAt() - c.getAt() <= withinMs) {
                return true;
            }
        }
        return false;
    }

    private static TopicContacts forTopic(CustomerState state, String topic) {
        List<TopicContacts> topics = state.getTopicContacts();
        for (TopicContacts t : topics) {
            if (t.getTopic().equals(topic)) {
                return t;
            }
        }
        if (topics.size() >= MAX_TOPICS) {
            // by index: state read back from RocksDB holds Avro arrays, which cannot remove by value
            topics.remove(topics.indexOf(topics.stream().min(Comparator.comparingLong(TopicMemory::latest)).orElseThrow()));
        }
        TopicContacts created = new TopicContacts(topic, new ArrayList<>());
        topics.add(created);
        return created;
    }

    private static long latest(TopicContacts topic) {
        return topic.getContacts().stream().mapToLong(TopicContact::getAt).max().orElse(Long.MIN_VALUE);
    }
}
