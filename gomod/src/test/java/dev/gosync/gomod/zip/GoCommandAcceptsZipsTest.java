package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real go command downloads gosync's zips from a file:// proxy, and the Sum and GoModSum it
 * reports equal gosync's h1 hashes; x/mod's CreateFromDir makes zips with the same hashes.
 */
class GoCommandAcceptsZipsTest {
    @TempDir
    Path tmp;

    @Test
    void goModDownloadReportsTheHashesOfOurZipsAndGoMods() throws IOException {
        TestProxy proxy = new TestProxy(tmp);
        Map<ModuleVersion, CreatedZip> created = new LinkedHashMap<>();
        Map<ModuleVersion, Map<String, String>> modules = modules();
        for (var m : modules.entrySet()) {
            created.put(m.getKey(), proxy.add(m.getKey(), m.getValue()));
        }
        ModuleVersion withLinks = new ModuleVersion("example.com/links", "v1.0.0");
        Path linked = proxy.tree(withLinks);
        Files.createDirectories(linked.resolve("real"));
        Files.writeString(linked.resolve("go.mod"), "module example.com/links\n\ngo 1.22\n");
        Files.writeString(linked.resolve("real/a.go"), "package real\n");
        Files.createSymbolicLink(linked.resolve("link.go"), linked.resolve("real/a.go"));
        Files.createSymbolicLink(linked.resolve("linkdir"), linked.resolve("real"));
        created.put(withLinks, proxy.publish(withLinks, linked));

        for (var c : created.entrySet()) {
            Path theirs = tmp.resolve("xmod.zip");
            ModuleVersion mv = c.getKey();
            assertNull(XModZip.createFromDir(theirs, mv.path(), mv.version(), proxy.tree(mv)));
            assertEquals(XModZip.hashZip(theirs), c.getValue().h1(), "x/mod's zip of " + mv);
        }

        GoSandbox go = GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", proxy.url());
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        created.keySet().forEach(mv -> args.add(mv.toString()));
        String out = go.goOk(tmp, args.toArray(String[]::new));
        Map<String, JsonNode> downloaded = new LinkedHashMap<>();
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(out)
                .forEachRemaining(j -> downloaded.put(j.get("Path").asText() + "@" + j.get("Version").asText(), j));
        for (var c : created.entrySet()) {
            JsonNode d = downloaded.get(c.getKey().toString());
            assertNull(d.get("Error"), () -> c.getKey() + ": " + d.get("Error"));
            assertEquals(d.get("Sum").asText(), c.getValue().h1(), "zip hash of " + c.getKey());
            assertEquals(d.get("Sum").asText(), DirHash.hashZip(Path.of(d.get("Zip").asText())), "re-hashed " + c.getKey());
            assertEquals(d.get("GoModSum").asText(), DirHash.hashGoMod(proxy.mod(c.getKey())), "go.mod hash of " + c.getKey());
            assertEquals(d.get("Sum").asText(), DirHash.hashDir(Path.of(d.get("Dir").asText()), c.getKey().toString()),
                    "hash of the extracted tree of " + c.getKey());
        }
    }

    /** Trees covering the omission rules, non-ASCII names, escaping, +incompatible and prereleases. */
    private static Map<ModuleVersion, Map<String, String>> modules() {
        Map<ModuleVersion, Map<String, String>> m = new LinkedHashMap<>();
        m.put(new ModuleVersion("example.com/plain", "v1.0.0"), Map.of(
                "go.mod", "module example.com/plain\n\ngo 1.21\n", "plain.go", "package plain\n",
                "LICENSE", "Permission is granted.\n", "\u00fcber/gr\u00fc\u00df.txt", "umlauts\n",
                "\uD801\uDC00/deseret.txt", "supplementary\n", "empty.txt", "", "\uFF21.txt", "fullwidth\n"));
        Map<String, String> vendored = Map.of(
                "vendor/modules.txt", "# example.com/x v1.0.0\n", "vendor/example.com/x/x.go", "package x\n",
                "vendor/top.go", "package vendor\n", "pkg/vendor/vendor.go", "package vendor\n",
                "pkg/vendor/foo/foo.go", "package foo\n", "a/vendor/b/vendor/c.go", "package c\n");
        Map<String, String> old = new LinkedHashMap<>(vendored);
        old.put("go.mod", "module example.com/vendored\n\ngo 1.21\n");
        m.put(new ModuleVersion("example.com/vendored", "v1.1.0"), old);
        Map<String, String> current = new LinkedHashMap<>(vendored);
        current.put("go.mod", "module example.com/vendored\n\ngo 1.24\n");
        m.put(new ModuleVersion("example.com/vendored", "v1.2.0"), current);
        m.put(new ModuleVersion("example.com/nested", "v0.1.0"), Map.of(
                "go.mod", "module example.com/nested\n", "n.go", "package nested\n",
                "sub/go.mod", "module example.com/nested/sub\n", "sub/s.go", "package sub\n", "sub/bad:name.go", "",
                ".git/config", "[core]\n", ".hg_archival.txt", "repo: 0\n", "inner/.hg_archival.txt", "kept\n"));
        m.put(new ModuleVersion("example.com/Upper/v2", "v2.0.0-RC.1"), Map.of(
                "go.mod", "module example.com/Upper/v2\n", "u.go", "package upper\n"));
        m.put(new ModuleVersion("example.com/nogomod", "v2.0.0+incompatible"), Map.of("n.go", "package nogomod\n"));
        Map<String, String> many = new LinkedHashMap<>();
        many.put("go.mod", "module example.com/many\n\ngo 1.24\n");
        for (int i = 0; i < 300; i++) {
            many.put("d" + (i % 7) + "/f" + i + ".txt", "file " + i + "\n".repeat(i % 5));
        }
        m.put(new ModuleVersion("example.com/many", "v1.0.0"), many);
        return m;
    }
}
