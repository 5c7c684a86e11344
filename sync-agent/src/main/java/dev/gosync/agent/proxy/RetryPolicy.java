package dev.gosync.agent.proxy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often, and after which pauses, a request is sent again after a transient failure: a
 * timeout, a dropped or reset connection, or a 5xx answer (never a 4xx, which the same request
 * would get again). The pause before attempt {@code n+1} is
 * {@code min(maxDelay, initialDelay·2^(n-1))} scaled by a random factor in [0.5, 1), so that
 * many clients failing together do not come back in step.
 *
 * <p>The go command itself does not retry; gosync does because an export fetches thousands of
 * files and one hiccup should not cost the whole run. The sleeper and the random source are
 * replaceable so tests run without waiting and can check the pauses.
 */
public final class RetryPolicy {
    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay: " + initialDelay + ", " + maxDelay);
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Up to {@code maxAttempts} attempts with exponential pauses from {@code initialDelay} up to {@code maxDelay}. */
    public static RetryPolicy of(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, pause -> Thread.sleep(pause.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Four attempts, pausing about 0.5 s, 1 s and 2 s. */
    public static RetryPolicy standard() {
        return of(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** One attempt: every failure is final. */
    public static RetryPolicy none() {
        return of(1, Duration.ZERO, Duration.ZERO);
    }

    /** The same policy, pausing through {@code sleeper}. */
    public RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, sleeper, random);
    }

    /** The same policy, drawing jitter from {@code random} (values in [0, 1)). */
    public RetryPolicy withRandom(DoubleSupplier random) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, sleeper, random);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The pause after failed attempt {@code attempt} (counting from 1), jitter included. */
    public Duration delayAfter(int attempt) {
        long cap = maxDelay.toNanos();
        long delay = initialDelay.toNanos();
        for (int i = 1; i < attempt && delay < cap; i++) {
            delay = delay > cap / 2 ? cap : delay * 2;
        }
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofNanos((long) (delay * factor));
    }

    /** Sleeps for {@link #delayAfter}({@code attempt}). */
    void pause(int attempt) throws InterruptedException {
        sleeper.sleep(delayAfter(attempt));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay + "]";
    }
}
