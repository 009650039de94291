package vigil.operators.nba;

import java.time.Duration;

/** Durations in reasons: whole days as {@code 7 d}, else hours, minutes or seconds. */
final class Durations {
    private Durations() {}

    static String text(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
