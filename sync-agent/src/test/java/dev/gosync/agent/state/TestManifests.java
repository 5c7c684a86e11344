package dev.gosync.agent.state;

import dev.gosync.bundle.archive.FileSource;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Files with made-up content and manifests that continue a plan, for the state tests. */
final class TestManifests {
    static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    private TestManifests() {
    }

    static FileRow row(String path, String content) {
        return new FileRow(path, content.getBytes(StandardCharsets.UTF_8).length, sha256(content), null);
    }

    /** The next bundle of the plan's channel, carrying {@code rows}. */
    static Manifest next(IncrementalPlan plan, List<FileRow> rows) {
        return plan.applyTo(Manifest.builder()).created(CREATED).tool("gosync test").files(rows).build();
    }

    /** Serves each path's content from {@code contents}. */
    static FileSource source(Map<String, String> contents) {
        return row -> {
            String content = contents.get(row.path());
            if (content == null) {
                throw new FileNotFoundException(row.path());
            }
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        };
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
