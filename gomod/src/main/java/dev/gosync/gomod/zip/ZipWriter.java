package dev.gosync.gomod.zip;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.dirhash.Hash1Builder;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * Streams already-checked files into a module zip: one deflated entry per file in the order
 * given, no directory entries, a fixed timestamp so equal input gives equal bytes. Sizes that
 * were declared are held to; sizes that were not are held to the limits as the bytes pass.
 */
final class ZipWriter {
    /** The earliest time a zip can record; the go command ignores entry times. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int BUFFER = 64 * 1024;

    private ZipWriter() {
    }

    static CreatedZip write(ModuleVersion mv, List<ZipSource> files, OutputStream out) throws IOException {
        String prefix = mv.path() + "@" + mv.version() + "/";
        Hash1Builder h1 = new Hash1Builder();
        long total = 0;
        ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        for (ZipSource f : files) {
            ZipEntry entry = new ZipEntry(prefix + f.path());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            try (InputStream in = f.open(); OutputStream content = h1.file(entry.getName(), zip)) {
                total += copy(f, in, content, ModuleZips.MAX_ZIP_FILE - total);
            }
            zip.closeEntry();
        }
        zip.finish();
        return new CreatedZip(h1.build(), files.size(), total);
    }

    /** Copies one file, refusing more bytes than it declared or, if it declared none, than the limits allow. */
    private static long copy(ZipSource f, InputStream in, OutputStream out, long remaining) throws IOException {
        long limit = f.size() != ZipSource.UNKNOWN_SIZE ? f.size() : Math.min(remaining, perFileLimit(f.path()));
        byte[] buf = new byte[BUFFER];
        long copied = 0;
        for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, limit + 1 - copied))) > 0; ) {
            copied += n;
            if (copied > limit) {
                throw new ZipException(tooLarge(f));
            }
            out.write(buf, 0, n);
        }
        return copied;
    }

    private static long perFileLimit(String path) {
        return switch (path) {
            case "go.mod" -> ModuleZips.MAX_GO_MOD;
            case "LICENSE" -> ModuleZips.MAX_LICENSE;
            default -> Long.MAX_VALUE;
        };
    }

    private static String tooLarge(ZipSource f) {
        if (f.size() != ZipSource.UNKNOWN_SIZE) {
            return "file " + GoStrings.quote(f.path()) + " is larger than declared size";
        }
        return switch (f.path()) {
            case "go.mod" -> ModuleZips.GO_MOD_TOO_LARGE;
            case "LICENSE" -> ModuleZips.LICENSE_TOO_LARGE;
            default -> ModuleZips.TREE_TOO_LARGE;
        };
    }

    /** Lets the zip stream finish without closing the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
