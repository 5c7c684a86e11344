package dev.gosync.cli;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.serve.importer.ImportListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a verify's or import's progress on standard error: on a terminal, one line redrawn in
 * place (files and bytes checked, rate); otherwise one line per bundle, fit for logs. Warnings
 * (overrides used) are printed even when progress is not shown: an override is never silent.
 */
final class ImportProgress implements ImportListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private int files;
    private int done;
    private long bytes;
    private long start;
    private long lastDraw;
    private int lineLength;

    ImportProgress(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void opened(String bundleName, Manifest manifest, String signer) {
        files = manifest.files().size();
        done = 0;
        bytes = 0;
        start = System.nanoTime();
        if (!quiet) {
            endLine();
            err.println("checking " + bundleName + ": bundle " + manifest.id() + ", channel " + manifest.channel() + " #"
                    + manifest.sequence() + ", signed by " + signer + ", " + files + " files, "
                    + ByteSize.format(manifest.totalSize()));
            err.flush();
        }
    }

    @Override
    public void waitingForLock(String mirror) {
        if (!quiet) {
            endLine();
            err.println("waiting for another import into " + mirror + " to finish");
            err.flush();
        }
    }

    @Override
    public void checked(FileRow row) {
        done++;
        bytes += row.size();
        if (terminal && !quiet) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || done == files) {
                lastDraw = now;
                double seconds = Math.max(1e-3, (now - start) / 1e9);
                String line = String.format(Locale.ROOT, "%d/%d files, %s checked, %s/s", done, files,
                        ByteSize.format(bytes), ByteSize.format((long) (bytes / seconds)));
                err.print("\r" + line + " ".repeat(Math.max(0, lineLength - line.length())));
                err.flush();
                lineLength = line.length();
            }
        }
    }

    @Override
    public void notice(String message) {
        endLine();
        err.println("warning: " + message);
        err.flush();
    }

    void finish() {
        endLine();
    }

    private void endLine() {
        if (lineLength > 0) {
            err.println();
            err.flush();
            lineLength = 0;
        }
    }
}
