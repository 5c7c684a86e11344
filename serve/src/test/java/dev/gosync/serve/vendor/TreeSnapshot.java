package dev.gosync.serve.vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory tree as data, for comparing two trees in one assertion: every directory (marked
 * {@code dir}) and every file with its size and sha256; small text files show their content so a
 * failing comparison says what differs.
 */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    static SortedMap<String, String> of(Path root) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(rel + "/", "dir");
                } else {
                    entries.put(rel, describe(Files.readAllBytes(p)));
                }
            }
        }
        return entries;
    }

    private static String describe(byte[] content) {
        String hash = sha256(content);
        if (content.length <= 400) {
            return content.length + " bytes " + hash + ":\n" + new String(content, StandardCharsets.UTF_8);
        }
        return content.length + " bytes " + hash;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
