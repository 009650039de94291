package vigil.jobs.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Keeps a number of conversations of one channel going at once and advances a random one per
 * record, so that their records interleave as in a real contact centre or website.
 */
final class ActivityPool {
    private final List<Activity> active = new ArrayList<>();
    private final LongFunction<Activity> starter;
    private final int target;

    ActivityPool(int target, LongFunction<Activity> starter) {
        this.target = Math.max(1, target);
        this.starter = starter;
    }

    /**
     * Starts the pool as if it had been running for a while: conversations begun in the past and
     * played up to now (those records are dropped), so output does not open with a burst of starts.
     */
    void warmUp(long now, long gapMs, Random rnd) {
        for (int tries = 0; active.size() < target && tries < 4 * target; tries++) {
            long time = now - 1 - (long) (rnd.nextDouble() * 12 * gapMs);
            Activity activity = starter.apply(time);
            activity.next(time);
            while (!activity.finished() && (time += gapMs) < now) {
                activity.next(time);
            }
            if (!activity.finished()) {
                active.add(activity);
            }
        }
    }

    Draft next(long time, Random rnd) {
        Activity activity;
        int index;
        if (active.size() < target) {
            activity = starter.apply(time);
            active.add(activity);
            index = active.size() - 1;
        } else {
            index = rnd.nextInt(active.size());
            activity = active.get(index);
        }
        Draft draft = activity.next(time);
        if (activity.finished()) {
            Activity last = active.remove(active.size() - 1);
            if (index < active.size()) {
                active.set(index, last);
            }
        }
        return draft;
    }

    int size() {
        return active.size();
    }
}
