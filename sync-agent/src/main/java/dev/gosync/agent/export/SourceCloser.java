package dev.gosync.agent.export;

import java.util.ArrayList;
import java.util.List;

/** Closes, at the end of an export, the sources it opened that hold resources (mirrors of a direct source). */
final class SourceCloser implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    void register(Object source) {
        if (source instanceof AutoCloseable closeable) {
            open.add(closeable);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing read-only mirrors cannot lose data; the export's own outcome matters more.
            }
        }
    }
}
