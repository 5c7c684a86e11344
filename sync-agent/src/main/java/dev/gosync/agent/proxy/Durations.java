package dev.gosync.agent.proxy;

import java.time.Duration;

/** Durations the way messages show them: {@code 250 ms}, {@code 30 s}. */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
