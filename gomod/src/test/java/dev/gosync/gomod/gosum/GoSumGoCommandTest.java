package dev.gosync.gomod.gosum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.zip.CreatedZip;
import dev.gosync.gomod.zip.TestProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * go.sum as the real go command writes it: after {@code go mod tidy} against a file:// proxy of
 * modules whose order is tricky (semver against byte order, prereleases, case-escaped paths,
 * {@code -} against {@code /}, pseudo-versions, +incompatible, several versions of one module),
 * parsing and re-writing reproduces it byte for byte, and its hashes are gosync's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoSumGoCommandTest {
    private final Map<ModuleVersion, CreatedZip> zips = new LinkedHashMap<>();
    private TestProxy proxy;
    private byte[] goSum;

    @BeforeAll
    void runGoModTidy(@TempDir Path tmp) throws IOException {
        proxy = new TestProxy(tmp);
        for (String v : List.of("v1.9.0", "v1.10.0-rc.1", "v1.10.0")) {
            module("example.com/a", v, "a", "");
        }
        // Without a go line these modules are unpruned, so the go.mod of every version they name is read.
        module("example.com/c", "v1.0.0", "c", "require example.com/a v1.9.0\n");
        module("example.com/d", "v1.0.0", "d", "require example.com/a v1.10.0-rc.1\n");
        module("example.com/a-b", "v1.0.0", "ab", "");
        module("example.com/a/b", "v1.0.0", "b", "");
        module("example.com/Upper", "v1.0.0", "upper", "");
        module("example.com/pseudo", "v0.0.0-20240101000000-abcdefabcdef", "pseudo", "");
        ModuleVersion inc = new ModuleVersion("example.com/inc", "v2.0.0+incompatible");
        zips.put(inc, proxy.add(inc, Map.of("inc.go", "package inc\n")));

        Path main = Files.createDirectories(tmp.resolve("main"));
        StringBuilder goMod = new StringBuilder("module example.com/main\n\ngo 1.21\n\nrequire (\n");
        StringBuilder imports = new StringBuilder("package main\n\nimport (\n");
        for (String path : List.of("example.com/a", "example.com/c", "example.com/d", "example.com/a-b", "example.com/a/b",
                "example.com/Upper", "example.com/pseudo", "example.com/inc")) {
            ModuleVersion selected = zips.keySet().stream().filter(m -> m.path().equals(path)).reduce((x, y) -> y).orElseThrow();
            goMod.append('\t').append(selected.path()).append(' ').append(selected.version()).append('\n');
            imports.append("\t_ \"").append(path).append("\"\n");
        }
        Files.writeString(main.resolve("go.mod"), goMod.append(")\n"));
        Files.writeString(main.resolve("main.go"), imports.append(")\n\nfunc main() {}\n"));
        GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", proxy.url()).goOk(main, "mod", "tidy");
        goSum = Files.readAllBytes(main.resolve("go.sum"));
    }

    @Test
    void reWritingTheGoCommandsGoSumReproducesItByteForByte() {
        assertEquals(new String(goSum, StandardCharsets.UTF_8),
                new String(GoSum.parse("go.sum", goSum).toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shuffledLinesWithNoiseAreWrittenBackInTheGoCommandsOrder() {
        List<String> lines = new ArrayList<>(new String(goSum, StandardCharsets.UTF_8).lines().toList());
        lines.add("example.com/old v1.0.0/go.mod " + GoSum.EMPTY_GO_MOD_HASH);
        lines.add("");
        lines.add(lines.get(0));
        Collections.shuffle(lines, new Random(7));
        byte[] noisy = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(goSum, StandardCharsets.UTF_8),
                new String(GoSum.parse("noisy/go.sum", noisy).toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theGoCommandRecordsOurZipAndGoModHashes() throws IOException {
        GoSum sum = GoSum.parse("go.sum", goSum);
        int zipLines = 0;
        for (var z : zips.entrySet()) {
            Optional<String> recorded = sum.zipHash(z.getKey());
            if (recorded.isPresent()) {
                zipLines++;
                assertEquals(z.getValue().h1(), recorded.get(), "zip hash of " + z.getKey());
            }
            sum.goModHash(z.getKey()).ifPresent(h -> assertEquals(hashGoMod(z.getKey()), h, "go.mod hash of " + z.getKey()));
        }
        assertEquals(8, zipLines, "one zip line per selected module");
        assertTrue(sum.goModHash(new ModuleVersion("example.com/a", "v1.9.0")).isPresent(), "unselected versions keep their /go.mod line");
    }

    private String hashGoMod(ModuleVersion mv) {
        try {
            return DirHash.hashGoMod(proxy.mod(mv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void module(String path, String version, String pkg, String requires) throws IOException {
        ModuleVersion mv = new ModuleVersion(path, version);
        zips.put(mv, proxy.add(mv, Map.of("go.mod", "module " + path + "\n\n" + requires, pkg + ".go", "package " + pkg + "\n")));
    }
}
