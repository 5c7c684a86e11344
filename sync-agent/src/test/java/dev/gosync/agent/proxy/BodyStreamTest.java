package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A body read by a thread that was told to stop ends at the next read, with the request named. */
class BodyStreamTest {
    private static BodyStream body() {
        return new BodyStream(new ByteArrayInputStream(new byte[100]), "example.com/m@v1.0.0: reading URL",
                Duration.ofSeconds(5), 1000, "too large");
    }

    @Test
    void anInterruptedThreadStopsReadingAtTheNextRead() throws IOException {
        try (BodyStream body = body()) {
            assertEquals(10, body.read(new byte[10]));
            Thread.currentThread().interrupt();
            try {
                InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> body.read(new byte[10]));
                assertEquals("example.com/m@v1.0.0: reading URL: interrupted", e.getMessage());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays for the caller to see");
            } finally {
                Thread.interrupted();
            }
            assertEquals(10, body.read(new byte[10]), "reading goes on once the interrupt is handled");
        }
    }
}
