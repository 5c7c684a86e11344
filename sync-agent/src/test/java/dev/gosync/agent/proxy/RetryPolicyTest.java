package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = RetryPolicy.of(8, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void pausesDoubleUpToTheCap() {
        RetryPolicy top = POLICY.withRandom(() -> 0.999999);
        assertEquals(100, top.delayAfter(1).toMillis(), 1);
        assertEquals(200, top.delayAfter(2).toMillis(), 1);
        assertEquals(400, top.delayAfter(3).toMillis(), 1);
        assertEquals(800, top.delayAfter(4).toMillis(), 1);
        assertEquals(1000, top.delayAfter(5).toMillis(), 1);
        assertEquals(1000, top.delayAfter(60).toMillis(), 1);
    }

    @Test
    void jitterTakesUpToHalfThePauseAway() {
        assertEquals(Duration.ofMillis(200), POLICY.withRandom(() -> 0.0).delayAfter(3));
        assertEquals(Duration.ofMillis(300), POLICY.withRandom(() -> 0.5).delayAfter(3));
    }

    @Test
    void noneAllowsOneAttempt() {
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
