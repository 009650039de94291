package vigil.bench.cost;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bench-cost's accounting: a thread's CPU is found under its name without the subtask suffix, even after it ended. */
class ThreadCpuTest {
    @Test
    void sumsTheCpuOfEndedThreadsByNameWithoutTheSubtaskSuffix() throws Exception {
        ThreadCpu cpu = new ThreadCpu();
        Thread[] workers = new Thread[2];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(ThreadCpuTest::spin, "busy operator (" + (i + 1) + "/2)#0");
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        cpu.close();
        Map<String, Double> groups = cpu.byGroup();
        assertThat(groups).containsKey("busy operator");
        // each spun 0.8 s of CPU; what a thread used after its last sample (< 0.1 s apart) is not seen
        assertThat(groups.get("busy operator")).as("two threads of 0.8 s CPU each").isBetween(0.9, 1.7);
        assertThat(groups.keySet().iterator().next()).as("largest first").isEqualTo("busy operator");
    }

    private static void spin() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < 800_000_000L) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
