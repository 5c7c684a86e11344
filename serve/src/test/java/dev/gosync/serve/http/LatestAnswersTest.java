package dev.gosync.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @latest} is computed from files of any size the go command itself accepts, not only
 * from those small enough for the response cache.
 */
class LatestAnswersTest {
    @TempDir
    Path tmp;

    @Test
    void aModuleWithAListLargerThanTheCacheLimitHasALatest() throws IOException {
        Path v = tmp.resolve("example.com/many/@v");
        Files.createDirectories(v);
        StringBuilder list = new StringBuilder();
        int count = 40_000;
        for (int i = 0; i < count; i++) {
            list.append("v1.").append(i).append(".0\n");
        }
        assertTrue(list.length() > MirrorFiles.MAX_CACHED_FILE, "the list is larger than a cached file");
        Files.writeString(v.resolve("list"), list);
        String newest = "v1." + (count - 1) + ".0";
        Files.writeString(v.resolve(newest + ".info"), TestMirror.info(newest));
        Files.writeString(v.resolve(newest + ".mod"), "module example.com/many\n");

        Representation latest = answers().lookup("example.com/many", "example.com/many/@latest");
        assertNotNull(latest, "@latest of a module with a large list");
        assertEquals(TestMirror.info(newest), new String(latest.body(), StandardCharsets.UTF_8));
    }

    @Test
    void retractionsInAGoModLargerThanTheCacheLimitAreApplied() throws IOException {
        Path v = tmp.resolve("example.com/big/@v");
        Files.createDirectories(v);
        Files.writeString(v.resolve("list"), "v1.0.0\nv1.1.0\n");
        for (String version : new String[] {"v1.0.0", "v1.1.0"}) {
            Files.writeString(v.resolve(version + ".info"), TestMirror.info(version));
            Files.writeString(v.resolve(version + ".mod"), "module example.com/big\n");
        }
        String padding = ("// " + "p".repeat(77) + "\n").repeat(4000);
        String goMod = "module example.com/big\n\n" + padding + "\nretract v1.1.0 // broken\n";
        assertTrue(goMod.length() > MirrorFiles.MAX_CACHED_FILE, "the go.mod is larger than a cached file");
        Files.writeString(v.resolve("v1.1.0.mod"), goMod);

        Representation latest = answers().lookup("example.com/big", "example.com/big/@latest");
        assertNotNull(latest);
        assertEquals(TestMirror.info("v1.0.0"), new String(latest.body(), StandardCharsets.UTF_8),
                "v1.1.0 retracts itself in its large go.mod");
    }

    private LatestAnswers answers() throws IOException {
        return new LatestAnswers(new MirrorFiles(tmp.toRealPath(), 1 << 20));
    }
}
