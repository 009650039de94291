package vigil.console.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per customer, the latest score (as JSON, whatever fields it has) and the recent interactions, for the
 * drill-down. Bounded: the least recently seen customers are forgotten first. An erasure (a tombstone on
 * cx.scores) forgets the customer at once.
 */
public final class CustomerBook {
    /** What the drill-down shows of one customer. */
    public record Customer(String customerId, String scoreJson, List<Recent> interactions) {}

    private final int maxCustomers;
    private final int interactionsPerCustomer;
    private final Map<String, Entry> customers;
    /** interaction id to customer, for the interactions kept (alert evidence refers to them). */
    private final Map<String, String> owners = new LinkedHashMap<>();

    private static final class Entry {
        String scoreJson;
        final Deque<Recent> recent = new ArrayDeque<>();
    }

    public CustomerBook(int maxCustomers, int interactionsPerCustomer) {
        this.maxCustomers = maxCustomers;
        this.interactionsPerCustomer = interactionsPerCustomer;
        this.customers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() > CustomerBook.this.maxCustomers) {
                    eldest.getValue().recent.forEach(r -> owners.remove(r.interactionId()));
                    return true;
                }
                return false;
            }
        };
    }

    public synchronized void onScore(String customerId, String scoreJson) {
        customers.computeIfAbsent(customerId, id -> new Entry()).scoreJson = scoreJson;
    }

    public synchronized void onErased(String customerId) {
        Entry gone = customers.remove(customerId);
        if (gone != null) {
            gone.recent.forEach(r -> owners.remove(r.interactionId()));
        }
    }

    public synchronized void onInteraction(String customerId, Recent recent) {
        Entry entry = customers.computeIfAbsent(customerId, id -> new Entry());
        entry.recent.addFirst(recent);
        owners.put(recent.interactionId(), customerId);
        while (entry.recent.size() > interactionsPerCustomer) {
            owners.remove(entry.recent.removeLast().interactionId());
        }
    }

    public synchronized Customer customer(String customerId) {
        Entry entry = customers.get(customerId);
        if (entry == null) {
            return null;
        }
        List<Recent> recent = new ArrayList<>(entry.recent);
        recent.sort((a, b) -> Long.compare(b.timestamp(), a.timestamp()));
        return new Customer(customerId, entry.scoreJson, recent);
    }

    /**
     * The queues of the calls and chats behind an alert: the customer's (a rule alert) and those of the
     * referenced interactions' conversations, as far as they are still kept.
     */
    public synchronized Set<String> queues(String customerId, Collection<String> interactionIds) {
        Set<String> queues = new TreeSet<>();
        if (customerId != null && customers.containsKey(customerId)) {
            customers.get(customerId).recent.forEach(r -> addQueue(queues, r));
        }
        for (String id : interactionIds) {
            Entry entry = customers.get(owners.get(id));
            if (entry == null) {
                continue;
            }
            String conversation = null;
            for (Recent r : entry.recent) {
                if (r.interactionId().equals(id)) {
                    conversation = r.conversationId(); // null for a social post
                }
            }
            for (Recent r : entry.recent) {
                if (r.interactionId().equals(id) || (conversation != null && conversation.equals(r.conversationId()))) {
                    addQueue(queues, r);
                }
            }
        }
        return queues;
    }

    /** The customer of a kept interaction, or null. */
    public synchronized String owner(String interactionId) {
        return owners.get(interactionId);
    }

    public synchronized int size() {
        return customers.size();
    }

    private static void addQueue(Set<String> queues, Recent r) {
        if (r.queue() != null && !r.queue().isBlank()) {
            queues.add(r.queue());
        }
    }
}
