package dev.gosync.bundle.manifest;

import java.util.regex.Pattern;

/**
 * One file of a bundle: its path in GOPROXY layout, size, SHA-256 and, for {@code .zip} and
 * {@code .mod} files, optionally the Go module h1 hash that go.sum records for it.
 *
 * @param path relative path, see {@link BundlePath}
 * @param size byte count, at most {@link #MAX_SIZE}
 * @param sha256 64 lowercase hex digits
 * @param h1 {@code h1:} plus base64 of 32 bytes, or null; only allowed on {@code .zip} and
 *     {@code .mod} files, where go.sum has a hash to compare it with
 */
public record FileRow(String path, long size, String sha256, String h1) {
    /**
     * The largest file size a row may state: the ustar header's size field limit (8 GiB - 1).
     * Staying below it keeps tar headers free of size extensions; a module zip is at most 500 MiB.
     */
    public static final long MAX_SIZE = 077777777777L;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern H1 = Pattern.compile("h1:[A-Za-z0-9+/]{43}=");

    public FileRow {
        BundlePath.check(path);
        if (size < 0 || size > MAX_SIZE) {
            throw new ManifestException("file " + path + ": size " + size + " is outside 0.." + MAX_SIZE);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new ManifestException("file " + path + ": sha256 must be 64 lowercase hex digits, got "
                    + BundlePath.quote(sha256));
        }
        if (h1 != null) {
            if (!H1.matcher(h1).matches()) {
                throw new ManifestException("file " + path + ": h1 must be \"h1:\" and 44 base64 characters, got "
                        + BundlePath.quote(h1));
            }
            if (!path.endsWith(".zip") && !path.endsWith(".mod")) {
                throw new ManifestException("file " + path + ": only .zip and .mod files carry an h1 hash");
            }
        }
    }
}
