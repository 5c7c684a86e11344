package dev.gosync.bundle.testing;

import dev.gosync.bundle.archive.FileSource;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small in-memory bundle contents for tests: paths with bytes, rows and manifests derived from them. */
public final class TestBundles {
    public static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Three files of a module version and its list file. */
    public static TestBundles sample() {
        return new TestBundles()
                .add("example.com/mod/@v/list", "v1.0.0\n")
                .add("example.com/mod/@v/v1.0.0.info", "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}")
                .add("example.com/mod/@v/v1.0.0.mod", "module example.com/mod\n\ngo 1.21\n")
                .add("example.com/mod/@v/v1.0.0.zip", "PK not really a zip, but bytes are bytes");
    }

    public TestBundles add(String path, String content) {
        return add(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestBundles add(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public byte[] content(String path) {
        return files.get(path).clone();
    }

    public static FileRow row(String path, byte[] content) {
        String h1 = path.endsWith(".zip") || path.endsWith(".mod")
                ? "h1:" + Base64.getEncoder().encodeToString(sha256(("h1 of " + path).getBytes(
                        StandardCharsets.UTF_8)))
                : null;
        return new FileRow(path, content.length, HexFormat.of().formatHex(sha256(content)), h1);
    }

    /** A manifest builder with every field filled in and these files listed. */
    public Manifest.Builder manifest(String signatureScheme) {
        Manifest.Builder builder = Manifest.builder()
                .channel("stable")
                .sequence(7)
                .parent("0123456789abcdef0123456789abcdef")
                .created(CREATED)
                .tool("gosync 0.1.0-test")
                .signature(signatureScheme)
                .sources(List.of("https://proxy.example.com", "https://git.example.com/org/repo.git"));
        files.forEach((path, content) -> builder.file(row(path, content)));
        return builder;
    }

    /** Serves the stored bytes; a path that was not added is an error. */
    public FileSource source() {
        return row -> {
            byte[] content = files.get(row.path());
            if (content == null) {
                throw new FileNotFoundException(row.path());
            }
            return new ByteArrayInputStream(content);
        };
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
