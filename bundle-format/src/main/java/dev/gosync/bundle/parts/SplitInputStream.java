package dev.gosync.bundle.parts;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The parts of a split bundle read one after another, each checked against the index at its end. */
final class SplitInputStream extends InputStream {
    private final List<Path> files;
    private final PartIndex index;
    private int next;
    private InputStream current;
    private MessageDigest sha;
    private long currentSize;
    private int verified;

    SplitInputStream(List<Path> files, PartIndex index) {
        this.files = files;
        this.index = index;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current == null) {
                if (next == files.size()) {
                    return -1;
                }
                current = Files.newInputStream(files.get(next));
                sha = sha256();
                currentSize = 0;
            }
            int n = current.read(b, off, len);
            if (n >= 0) {
                sha.update(b, off, n);
                currentSize += n;
                return n;
            }
            current.close();
            current = null;
            check(next, currentSize, HexFormat.of().formatHex(sha.digest())).ifPresent(e -> {
                throw e;
            });
            verified = ++next;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** The first part not yet verified that does not match the index, reading each in full. */
    Optional<BundleException> diagnose() {
        for (int i = verified; i < files.size(); i++) {
            MessageDigest digest = sha256();
            long size = 0;
            try (InputStream in = Files.newInputStream(files.get(i))) {
                byte[] buf = new byte[65536];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    digest.update(buf, 0, n);
                    size += n;
                }
            } catch (IOException e) {
                return Optional.of(new BundleException(Problem.IO, "cannot read " + files.get(i) + ": "
                        + e.getMessage(), "check the file's permissions", e));
            }
            Optional<BundleException> mismatch = check(i, size, HexFormat.of().formatHex(digest.digest()));
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        return Optional.empty();
    }

    private Optional<BundleException> check(int part, long size, String sha256) {
        PartIndex.Part expected = index.parts().get(part);
        if (size == expected.size() && sha256.equals(expected.sha256())) {
            return Optional.empty();
        }
        return Optional.of(new BundleException(Problem.PART_MISMATCH, "part " + (part + 1) + " of " + files.size()
                + " (" + files.get(part).getFileName() + ") does not match the index: it is out of order, damaged, "
                + "or belongs to another bundle", "copy the parts again, keeping their names"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
