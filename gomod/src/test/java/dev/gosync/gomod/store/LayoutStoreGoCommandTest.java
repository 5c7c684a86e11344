package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.semver.PseudoVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go command accepts a LayoutStore as its proxy ({@code GOPROXY=file://<store>}): it downloads
 * every stored version with the hashes the store reported, caches the same bytes, lists the same
 * versions, and rebuilds in its own download directory the very {@code @v/list} files the store
 * wrote, upper-case versions left out and pseudo-versions kept.
 */
class LayoutStoreGoCommandTest {
    private static final List<ModuleVersion> VERSIONS = Stream.of(
            "example.com/m v1.0.0", "example.com/m v1.2.0", "example.com/m v1.10.0", "example.com/m v1.2.0-pre.1",
            "example.com/m v1.0.0-RC1", "example.com/m v0.0.0-20200102030405-abcdefabcdef",
            "example.com/m v1.2.1-0.20200102030405-abcdefabcdef", "example.com/m v2.0.0+incompatible",
            "example.com/m/v2 v2.0.0", "example.com/Upper/m v1.0.0", "example.com/Upper/m v1.1.0-Beta")
            .map(s -> new ModuleVersion(s.split(" ")[0], s.split(" ")[1])).toList();

    @TempDir
    static Path tmp;
    static LayoutStore store;
    static GoSandbox go;
    static Path outside;
    /** What the store reported for each version's .zip and .mod. */
    static final Map<ModuleVersion, String> ZIP_H1 = new HashMap<>();
    static final Map<ModuleVersion, String> MOD_H1 = new HashMap<>();
    /** What {@code go mod download -json} printed for each version. */
    static final Map<ModuleVersion, JsonNode> DOWNLOADED = new HashMap<>();

    @BeforeAll
    static void serveTheStoreToTheGoCommand() throws IOException {
        store = LayoutStore.create(tmp.resolve("store"));
        try (LayoutStore.Transaction tx = store.begin()) {
            for (ModuleVersion mv : VERSIONS) {
                tx.put(mv, LayoutPath.Kind.ZIP, new ByteArrayInputStream(TestModules.zip(mv, tmp.resolve("scratch"))));
                ZIP_H1.put(mv, tx.hashZip(mv).h1());
                MOD_H1.put(mv, tx.put(mv, LayoutPath.Kind.MOD, new ByteArrayInputStream(TestModules.goMod(mv))).h1());
                tx.put(mv, LayoutPath.Kind.INFO, new ByteArrayInputStream(TestModules.info(mv)));
            }
            tx.commit();
        }
        go = GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", store.describe());
        outside = Files.createDirectories(tmp.resolve("outside"));
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        VERSIONS.forEach(mv -> args.add(mv.toString()));
        String out = go.goOk(outside, args.toArray(String[]::new));
        try (var replies = new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(out)) {
            replies.forEachRemaining(n -> DOWNLOADED.put(
                    new ModuleVersion(n.get("Path").asText(), n.get("Version").asText()), n));
        }
    }

    @TestFactory
    Stream<DynamicTest> theGoCommandDownloadsEveryVersionWithTheHashesTheStoreReported() {
        return VERSIONS.stream().map(mv -> DynamicTest.dynamicTest(mv.toString(), () -> {
            JsonNode reply = DOWNLOADED.get(mv);
            assertFalse(reply.has("Error"), reply.toString());
            assertEquals(ZIP_H1.get(mv), reply.get("Sum").asText());
            assertEquals(MOD_H1.get(mv), reply.get("GoModSum").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theGoCommandCachesTheBytesTheStoreHolds() {
        return VERSIONS.stream().flatMap(mv -> Stream.of(LayoutPath.Kind.INFO, LayoutPath.Kind.MOD, LayoutPath.Kind.ZIP)
                .map(kind -> DynamicTest.dynamicTest(mv + " " + kind, () -> {
                    String relative = new LayoutPath(kind, mv.path(), mv.version()).relativePath();
                    assertArrayEquals(Files.readAllBytes(store.root().resolve(relative)),
                            Files.readAllBytes(go.downloadDir().resolve(relative)));
                })));
    }

    @TestFactory
    Stream<DynamicTest> theGoCommandWritesTheSameVersionListsForTheSameVersions() {
        return store.modules().keySet().stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            String list = ProxyLayout.list(path);
            assertEquals(Files.readString(go.downloadDir().resolve(list)), Files.readString(store.root().resolve(list)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theGoCommandListsTheStoredTaggedVersions() {
        return store.modules().keySet().stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            List<String> tagged = store.versions(path).stream().filter(v -> !PseudoVersion.isPseudoVersion(v)).toList();
            String expected = Stream.concat(Stream.of(path), tagged.stream()).reduce((a, b) -> a + " " + b).orElseThrow();
            assertEquals(expected, go.goOk(outside, "list", "-m", "-versions", path).trim());
        }));
    }
}
