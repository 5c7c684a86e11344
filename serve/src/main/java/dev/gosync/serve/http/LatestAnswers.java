package dev.gosync.serve.http;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.FileStamp;
import dev.gosync.serve.latest.LatestVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @latest} answers, computed from the module's {@code @v/list} and go.mod files by
 * {@link LatestVersion} and remembered until the list changes (an import that adds a version
 * rewrites the list, which gives it a new {@link FileStamp}). The body is the chosen version's
 * {@code .info}, as the protocol asks.
 */
final class LatestAnswers {
    /** The go command reads no go.mod larger than this (modfetch's codehost.MaxGoMod); neither do we. */
    static final long MAX_GO_MOD = 16L << 20;
    /** A version list this large holds hundreds of thousands of versions: more is not a list but an attack. */
    static final long MAX_LIST = 16L << 20;

    private final MirrorFiles files;
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(FileStamp list, Representation representation) {
    }

    LatestAnswers(MirrorFiles files) {
        this.files = files;
    }

    /**
     * The answer for modulePath, or null when the mirror has no version of it; latestPath is the
     * request's {@code <escaped path>/@latest}, already validated.
     */
    Representation lookup(String modulePath, String latestPath) throws IOException {
        String listPath = latestPath.substring(0, latestPath.length() - "@latest".length()) + "@v/list";
        FileStamp stamp = files.stamp(listPath);
        if (stamp == null) {
            return null;
        }
        Answer known = answers.get(modulePath);
        if (known != null && known.list.equals(stamp)) {
            return known.representation;
        }
        byte[] list = files.readUpTo(listPath, MAX_LIST);
        if (list == null) {
            return null;
        }
        List<String> versions = new String(list, StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]).toList();
        Optional<String> latest = LatestVersion.choose(modulePath, versions, v -> readMod(modulePath, v));
        if (latest.isEmpty()) {
            return null;
        }
        ModuleVersion mv = new ModuleVersion(modulePath, latest.get());
        String infoPath = new LayoutPath(LayoutPath.Kind.INFO, mv.path(), mv.version()).relativePath();
        byte[] info = files.readSmall(infoPath);
        FileStamp infoStamp = files.stamp(infoPath);
        if (info == null || infoStamp == null) {
            return null;
        }
        Representation rep = Representation.of(info, true, MirrorFiles.contentType(LayoutPath.Kind.LATEST),
                "\"l-" + HexFormat.of().formatHex(sha256(info), 0, 8) + "\"", infoStamp.mtimeSeconds());
        answers.put(modulePath, new Answer(stamp, rep));
        return rep;
    }

    private Optional<byte[]> readMod(String modulePath, String version) {
        try {
            return Optional.ofNullable(files.readUpTo(ProxyLayout.mod(new ModuleVersion(modulePath, version)), MAX_GO_MOD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
