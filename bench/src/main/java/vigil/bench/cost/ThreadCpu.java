package vigil.bench.cost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread of this JVM, sampled twice a second while a job runs (its task threads end with
 * it), summed by thread name without the subtask suffix: which operator chain costs what.
 */
final class ThreadCpu implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, Long> lastNanos = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpu() {
        sample(true);
        sampler = new Thread(() -> {
            while (running) {
                sample(false);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample(boolean baseline) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            names.putIfAbsent(info.getThreadId(), info.getThreadName());
            if (baseline) {
                startNanos.put(info.getThreadId(), cpu);
            }
            lastNanos.put(info.getThreadId(), cpu);
        }
    }

    /** Seconds of CPU per thread group since this sampler started, largest first. */
    synchronized Map<String, Double> byGroup() {
        Map<String, Double> groups = new TreeMap<>();
        lastNanos.forEach((id, cpu) -> {
            String name = names.get(id).replaceAll(" \\(\\d+/\\d+\\)#\\d+.*", "").replaceAll("\\d+", "#");
            double seconds = (cpu - startNanos.getOrDefault(id, 0L)) / 1e9;
            groups.merge(name.length() > 90 ? name.substring(0, 90) : name, seconds, Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        sample(false);
    }
}
