package dev.gosync.cli;

import dev.gosync.agent.cache.CachedFile;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows an export's progress on standard error: on a terminal, one line redrawn in place (modules
 * resolved, files and bytes fetched, rate, time left); otherwise, plain log lines, one per step and
 * per downloaded file, fit for CI logs.
 */
final class ExportProgress implements ExportListener {
    /** Redraws at most this often, so a fast download does not spend its time printing. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private Phase phase;
    private int modules;
    private int files;
    private int ready;
    private long bytes;
    private long fetchStart;
    private long lastDraw;
    private int lineLength;

    ExportProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void phase(Phase next) {
        endLine();
        phase = next;
        if (next == Phase.FETCH) {
            fetchStart = System.nanoTime();
        }
        if (!terminal || next != Phase.FETCH) {
            out.println(switch (next) {
                case RESOLVE -> "resolving the module graph";
                case FETCH -> "fetching " + files + " files";
                case WRITE -> "writing the bundle";
            });
            out.flush();
        }
    }

    @Override
    public synchronized void resolved(ExportInput input, int inputModules) {
        modules += inputModules;
        if (terminal) {
            draw("resolved " + input.describe() + ": " + inputModules + " module versions", true);
        } else {
            out.println("resolved " + input.describe() + ": " + inputModules + " module versions");
            out.flush();
        }
    }

    @Override
    public synchronized void planned(int planModules, int planFiles, int cached) {
        endLine();
        files = planFiles;
        out.println("plan: " + planModules + " module versions, " + planFiles + " files, " + cached + " already cached");
        out.flush();
    }

    @Override
    public synchronized void received(long n) {
        bytes += n;
        if (terminal && phase == Phase.FETCH) {
            draw(fetchLine(), false);
        }
    }

    @Override
    public synchronized void ready(CachedFile file) {
        if (phase != Phase.FETCH) {
            return;
        }
        ready++;
        if (terminal) {
            draw(fetchLine(), ready == files);
        } else if (file.downloaded()) {
            out.println("fetched " + file.module() + " " + file.kind().suffix() + " (" + ByteSize.format(file.size()) + ")");
            out.flush();
        }
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    synchronized void finish() {
        endLine();
    }

    private String fetchLine() {
        double seconds = Math.max(1e-3, (System.nanoTime() - fetchStart) / 1e9);
        String line = String.format(Locale.ROOT, "%d modules, %d/%d files, %s fetched, %s/s", modules, ready, files,
                ByteSize.format(bytes), ByteSize.format((long) (bytes / seconds)));
        if (ready > 0 && ready < files) {
            long left = (long) ((files - ready) * seconds / ready);
            line += ", about " + format(Duration.ofSeconds(left)) + " left";
        }
        return line;
    }

    private void draw(String line, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String padding = " ".repeat(Math.max(0, lineLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lineLength = line.length();
    }

    private void endLine() {
        if (lineLength > 0) {
            out.println();
            out.flush();
            lineLength = 0;
        }
    }

    private static String format(Duration d) {
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
