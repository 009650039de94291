package vigil.bench.cost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread of this JVM, sampled ten times a second while a job runs (its task threads end with
 * it), summed by thread name without the subtask suffix: which operator chain costs what.
 */
final class ThreadCpu implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, Long> lastNanos = new HashMap<>();
    private final Map<String, Long> osStart = osThreads();
    private Map<String, Long> osEnd;
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpu() {
        sample(true);
        sampler = new Thread(() -> {
            while (running) {
                sample(false);
                try {
                    Thread.sleep(100);
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
        if (osEnd != null) {
            // threads the JVM does not list: garbage collection, JIT compilers, RocksDB's flushes and compactions
            osEnd.forEach((key, ticks) -> {
                String name = key.substring(key.indexOf(' ') + 1);
                if (name.matches("(GC Thread|G1 |C1 |C2 |rocksdb|VM Thread).*")) {
                    groups.merge("[os] " + name.replaceAll("\\d+", "#"), (ticks - osStart.getOrDefault(key, 0L)) / 100.0, Double::sum);
                }
            });
        }
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
        osEnd = osThreads();
    }

    /** "tid name" to user + system clock ticks (1/100 s) of every thread of this process, from /proc. */
    private static Map<String, Long> osThreads() {
        Map<String, Long> ticks = new HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return ticks;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(task.getName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended
            }
        }
        return ticks;
    }
}
