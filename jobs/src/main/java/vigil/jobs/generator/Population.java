package vigil.jobs.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The customers, plus the people around them: agents, social media users who are not customers,
 * anonymous web visitors. A few customers are much more active than most (log-normal activity).
 */
final class Population {
    private final Customer[] customers;
    private final double[] cumulativeActivity;
    private final List<Integer> slotsWithHandle = new ArrayList<>();
    private final String[] publicHandles;
    private final String[] anonymousIds;
    private final String[] agentIds;
    private final String[] agentNames;
    private int nextId;

    Population(int size, Random rnd) {
        customers = new Customer[size];
        cumulativeActivity = new double[size];
        double total = 0;
        for (int slot = 0; slot < size; slot++) {
            boolean withHandle = rnd.nextDouble() < 0.35;
            customers[slot] = new Customer(customerId(++nextId), withHandle, rnd);
            customers[slot].slot = slot;
            if (withHandle) {
                slotsWithHandle.add(slot);
            }
            total += StrictMath.exp(0.9 * rnd.nextGaussian());
            cumulativeActivity[slot] = total;
        }
        publicHandles = new String[Math.max(50, size / 2)];
        for (int i = 0; i < publicHandles.length; i++) {
            publicHandles[i] = Catalog.pick(Words.HANDLE_WORDS, rnd) + (rnd.nextBoolean() ? "_" : "")
                    + Catalog.pick(Words.FIRST_NAMES, rnd).toLowerCase(Locale.ROOT) + rnd.nextInt(1000);
        }
        anonymousIds = new String[Math.max(50, size / 2)];
        for (int i = 0; i < anonymousIds.length; i++) {
            anonymousIds[i] = String.format(Locale.ROOT, "anon-%08x%04x", rnd.nextInt(), rnd.nextInt(0x10000));
        }
        int agents = Math.max(12, Math.min(5000, size / 25));
        agentIds = new String[agents];
        agentNames = new String[agents];
        for (int i = 0; i < agents; i++) {
            agentIds[i] = String.format(Locale.ROOT, "A%04d", i + 1);
            agentNames[i] = Catalog.pick(Words.FIRST_NAMES, rnd);
        }
    }

    int size() {
        return customers.length;
    }

    Customer get(int slot) {
        return customers[slot];
    }

    /** A customer, the more active ones more often. */
    Customer pick(Random rnd) {
        double r = rnd.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
        int i = Arrays.binarySearch(cumulativeActivity, r);
        return customers[Math.min(customers.length - 1, i >= 0 ? i + 1 : -i - 1)];
    }

    /** A customer not already in a live conversation on this channel, if a few tries find one. */
    Customer pickFree(int channelBit, Random rnd) {
        Customer c = pick(rnd);
        for (int tries = 0; tries < 8 && (c.busy & channelBit) != 0; tries++) {
            c = pick(rnd);
        }
        return c;
    }

    /** A customer with a linked social handle, or null when nobody has one. */
    Customer pickWithHandle(Random rnd) {
        return slotsWithHandle.isEmpty() ? null
                : customers[slotsWithHandle.get(rnd.nextInt(slotsWithHandle.size()))];
    }

    String publicHandle(Random rnd) {
        return publicHandles[rnd.nextInt(publicHandles.length)];
    }

    String anonymousId(Random rnd) {
        return anonymousIds[rnd.nextInt(anonymousIds.length)];
    }

    int agent(Random rnd) {
        return rnd.nextInt(agentIds.length);
    }

    String agentId(int agent) {
        return agentIds[agent];
    }

    String agentName(int agent) {
        return agentNames[agent];
    }

    /** A churned customer's slot goes to a new sign-up with a fresh id, keeping the population's size. */
    Customer replace(Customer churned, Random rnd) {
        Customer fresh = new Customer(customerId(++nextId), churned.handle != null, rnd);
        fresh.slot = churned.slot;
        fresh.tenureMonths = 0;
        fresh.totalCharges = 0;
        customers[fresh.slot] = fresh;
        return fresh;
    }

    private static String customerId(int n) {
        return String.format(Locale.ROOT, "C%06d", n);
    }
}
