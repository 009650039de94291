package vigil.console.web;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The browsers' Server-Sent Events: every send happens on one thread, in order, so a new client's first
 * event (the snapshot) and later changes never interleave.
 */
final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int MAX_IDS_PER_EVENT = 2_000;

    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-console-events");
        t.setDaemon(true);
        return t;
    });
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Set<String> changedCustomers = ConcurrentHashMap.newKeySet();

    EventStream(Supplier<String> chart, long chartEveryMs) {
        sender.scheduleWithFixedDelay(logged(this::sendChangedCustomers), 1, 1, TimeUnit.SECONDS);
        sender.scheduleWithFixedDelay(logged(() -> broadcastNow("chart", chart.get())), 0, chartEveryMs,
                TimeUnit.MILLISECONDS);
    }

    /** Keeps the client open; sends it the snapshot first, then every change. */
    void join(SseClient client, Supplier<String> snapshot) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        sender.execute(logged(() -> {
            send(client, "snapshot", snapshot.get());
            clients.add(client);
        }));
    }

    void broadcast(String event, Supplier<String> data) {
        sender.execute(logged(() -> broadcastNow(event, data.get())));
    }

    /** Customers whose score or interactions changed are announced by id, at most once a second. */
    void customerChanged(String customerId) {
        changedCustomers.add(customerId);
    }

    int clients() {
        return clients.size();
    }

    private void sendChangedCustomers() {
        if (changedCustomers.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (var it = changedCustomers.iterator(); it.hasNext() && ids.size() < MAX_IDS_PER_EVENT; ) {
            ids.add(it.next());
            it.remove();
        }
        broadcastNow("customers", Json.write(ids));
    }

    private void broadcastNow(String event, String data) {
        for (SseClient client : clients) {
            send(client, event, data);
        }
    }

    private void send(SseClient client, String event, String data) {
        try {
            if (client.terminated()) {
                clients.remove(client);
                return;
            }
            client.sendEvent(event, data);
        } catch (RuntimeException e) {
            LOG.debug("Dropping an event stream", e);
            clients.remove(client);
        }
    }

    /** A failing task is logged (the executor would swallow it, and stop a periodic one). */
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Console event stream task failed", e);
            }
        };
    }

    @Override
    public void close() {
        sender.shutdownNow();
        for (SseClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream", e);
            }
        }
        clients.clear();
    }
}
