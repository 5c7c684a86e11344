package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.git.GitCheckout;
import dev.gosync.fixtures.universe.FixtureModule;
import dev.gosync.fixtures.universe.FixtureUniverse;
import dev.gosync.fixtures.universe.FixtureVersion;
import dev.gosync.fixtures.universe.Scenario;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the go command's own direct-mode downloads of the fixture repositories (git archive
 * zips, vendor directories, nested modules, links, subdirectory modules with an added LICENSE,
 * go 1.21 and 1.24 omission rules): gosync hashes its zips, go.mod files and extracted trees to
 * the Sum and GoModSum it reports, accepts its zips, and zipping the same content gives the same h1.
 */
class FixtureUniverseHashTest {
    @TempDir
    static Path tmp;
    static FixtureUniverse universe;
    /** The go command's -json record of each fixture version, keyed path@version. */
    static Map<String, JsonNode> downloads = new HashMap<>();

    @BeforeAll
    static void downloadEveryVersion() throws IOException {
        universe = FixtureUniverse.create(tmp.resolve("universe"));
        GoSandbox go = universe.configure(GoSandbox.create(tmp.resolve("sandbox")));
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        universe.versions().forEach(v -> args.add(v.modulePath() + "@" + v.version()));
        String out = go.goOk(Files.createDirectories(tmp.resolve("outside")), args.toArray(String[]::new));
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(out)
                .forEachRemaining(n -> downloads.put(n.get("Path").asText() + "@" + n.get("Version").asText(), n));
    }

    @Test
    void zipGoModAndTreeHashesEqualTheGoCommandsSums() throws IOException {
        for (FixtureVersion v : universe.versions()) {
            JsonNode d = download(v);
            String at = v.modulePath() + "@" + v.version();
            assertEquals(d.get("Sum").asText(), DirHash.hashZip(Path.of(d.get("Zip").asText())), at);
            assertEquals(d.get("GoModSum").asText(), DirHash.hashGoMod(Files.readAllBytes(Path.of(d.get("GoMod").asText()))), at);
            assertEquals(d.get("Sum").asText(), DirHash.hashDir(Path.of(d.get("Dir").asText()), at), at);
        }
    }

    @Test
    void directModeZipsPassVerification() {
        for (FixtureVersion v : universe.versions()) {
            JsonNode d = download(v);
            ModuleVersion mv = new ModuleVersion(v.modulePath(), v.version());
            Path zip = Path.of(d.get("Zip").asText());
            assertTrue(ModuleZips.checkZip(mv, zip).isValid(), mv.toString());
            assertEquals(d.get("Sum").asText(), ModuleZips.verify(mv, zip), mv.toString());
        }
    }

    @Test
    void zippingTheGoCommandsFilesAgainGivesItsHash() throws IOException {
        for (FixtureVersion v : universe.versions()) {
            JsonNode d = download(v);
            ModuleVersion mv = new ModuleVersion(v.modulePath(), v.version());
            String prefix = mv + "/";
            List<ZipSource> files = new ArrayList<>();
            try (ZipFile zf = new ZipFile(d.get("Zip").asText(), StandardCharsets.UTF_8)) {
                for (ZipEntry e : Collections.list(zf.entries())) {
                    files.add(ZipSource.of(e.getName().substring(prefix.length()), zf.getInputStream(e).readAllBytes()));
                }
            }
            CreatedZip created = ModuleZips.create(mv, files, OutputStream.nullOutputStream());
            assertEquals(d.get("Sum").asText(), created.h1(), mv.toString());
        }
    }

    /**
     * Zipping a plain checkout of the module's directory gives the go command's hash, so the
     * omission rules agree on real layouts. Left out: the .gitattributes scenario, whose zip git
     * archive converts, which a raw checkout cannot show.
     */
    @Test
    void zippingACheckoutGivesTheGoCommandsHash() throws IOException {
        int compared = 0;
        for (FixtureVersion v : universe.versions()) {
            if (v.scenario() == Scenario.GIT_ATTRIBUTES) {
                continue;
            }
            FixtureModule module = universe.module(v.modulePath());
            Path checkout = tmp.resolve("checkout").resolve(v.modulePath() + "@" + v.version());
            universe.checkout(v.repo(), v.commit(), checkout, GitCheckout.Symlinks.CREATE);
            Path moduleDir = module.dir().isEmpty() ? checkout : checkout.resolve(module.dir());
            if (!module.dir().isEmpty() && !Files.exists(moduleDir.resolve("LICENSE")) && Files.exists(checkout.resolve("LICENSE"))) {
                Files.copy(checkout.resolve("LICENSE"), moduleDir.resolve("LICENSE"));
            }
            ModuleVersion mv = new ModuleVersion(v.modulePath(), v.version());
            CreatedZip created = ModuleZips.createFromDir(mv, moduleDir, OutputStream.nullOutputStream());
            assertEquals(download(v).get("Sum").asText(), created.h1(), mv + " (" + v.scenario() + ")");
            compared++;
        }
        assertTrue(compared > 0);
    }

    private static JsonNode download(FixtureVersion v) {
        JsonNode d = downloads.get(v.modulePath() + "@" + v.version());
        assertNotNull(d, "the go command did not report " + v.modulePath() + "@" + v.version());
        assertFalse(d.has("Error"), d.toString());
        return d;
    }
}
