package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.UpstreamProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosync export} on the command line: flags, output, exit codes. */
class ExportCommandTest {
    @TempDir
    Path tmp;
    Path project;
    UpstreamProxy upstream;

    @BeforeEach
    void serve() {
        project = TinyUpstream.write(tmp);
        upstream = UpstreamProxy.serve(tmp.resolve("proxy"));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--cache", tmp.resolve("cache").toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void exportsAProjectAndSummarizesTheBundle() {
        Path bundle = tmp.resolve("out.tar.zst");
        CliRun run = export("--proxy", upstream.url(), "--unsigned", "-o", bundle.toString(), project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(bundle));
        assertTrue(run.out().contains("wrote bundle "), run.out());
        assertTrue(run.out().contains("3 files"), run.out());
        assertTrue(run.err().contains("fetched example.com/dep@v1.0.0 .zip"), "plain progress lines: " + run.err());
    }

    @Test
    void dryRunWithJsonPrintsThePlanAndWritesNothing() throws IOException {
        Path bundle = tmp.resolve("out.tar.zst");
        CliRun run = export("--proxy", upstream.url(), "--dry-run", "--json", "--quiet", "-o", bundle.toString(),
                project.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err(), "--quiet prints no progress");
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertTrue(plan.get("dryRun").asBoolean());
        assertTrue(plan.get("bundleId").isNull());
        JsonNode dep = plan.get("modules").get(0);
        assertEquals("example.com/dep", dep.get("path").asText());
        assertEquals("v1.0.0", dep.get("version").asText());
        assertEquals("selected", dep.get("reason").asText());
        assertEquals("example.com/app", dep.get("requiredBy").asText());
        assertEquals("[\"info\",\"mod\",\"zip\"]", dep.get("files").toString());
        assertEquals(2, dep.get("downloads").asInt(), "the .mod was read to resolve; .info and .zip are to fetch");
        assertFalse(Files.exists(bundle));
    }

    @Test
    void inputsComeFromAListFileToo() throws IOException {
        Path list = Files.writeString(tmp.resolve("inputs.txt"), "# what to export\n\nproject\n");
        CliRun run = export("--proxy", upstream.url(), "--unsigned", "--json", "-o", tmp.resolve("b.tar.zst").toString(),
                "--from-file", list.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("files").asInt());
    }

    @Test
    void credentialsInTheProxyUrlNeverReachTheOutput() {
        String proxy = upstream.url().replace("http://", "http://builder:s3cret@");
        CliRun run = export("--proxy", proxy, "--unsigned", "-o", tmp.resolve("b.tar.zst").toString(), project.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode(), "credentials over plain http are refused");
        assertTrue(run.err().contains(upstream.url()), run.err());
        assertFalse(run.err().contains("s3cret") || run.out().contains("s3cret"), run.err());
        assertFalse(run.err().contains("builder") || run.out().contains("builder"), run.err());
    }

    @Test
    void aBundleNeedsEitherAKeyOrUnsigned() {
        CliRun neither = export("--proxy", upstream.url(), "-o", tmp.resolve("b").toString(), project.toString());
        assertEquals(ExitCodes.USAGE, neither.exitCode());
        assertTrue(neither.err().contains("--unsigned"), neither.err());
        CliRun both = export("--key", tmp.resolve("k").toString(), "--unsigned", "-o", tmp.resolve("b").toString());
        assertEquals(ExitCodes.USAGE, both.exitCode());
    }

    @Test
    void incrementalNeedsAChannel() {
        CliRun run = export("--unsigned", "--incremental", "-o", tmp.resolve("b").toString(), project.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--channel"), run.err());
    }

    @Test
    void splitSizesTakeUnits() {
        CliRun run = export("--unsigned", "--split", "4 parsecs", "-o", tmp.resolve("b").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("invalid size"), run.err());
    }
}
