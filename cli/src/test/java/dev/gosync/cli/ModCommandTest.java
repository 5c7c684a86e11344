package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModCommandTest {
    private static final String MESSY_GO_MOD = """
            module   example.com/messy
            require (
            \texample.com/b v1.2
            )
            go 1.21
            require example.com/a v1.0.0 // indirect
            """;

    @TempDir
    Path tmp;

    @Test
    void fmtPrintsWhatGoModEditFmtWrites() throws IOException {
        Path ours = write(tmp.resolve("ours/go.mod"), MESSY_GO_MOD);
        Path theirs = write(tmp.resolve("theirs/go.mod"), MESSY_GO_MOD);
        GoSandbox.create(tmp.resolve("go")).goOk(theirs.getParent(), "mod", "edit", "-fmt");

        CliRun run = CliRun.of("mod", "fmt", ours.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(Files.readString(theirs), run.out());
        assertEquals(MESSY_GO_MOD, Files.readString(ours), "without -w the file stays as it was");
    }

    @Test
    void fmtRefusesAMalformedFileNamingTheLineAndLeavesItUntouched() throws IOException {
        String broken = "module example.com/m\n\nfrobnicate everything\n";
        Path file = write(tmp.resolve("go.mod"), broken);

        CliRun run = CliRun.of("mod", "fmt", "-w", file.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("go.mod:3"), run.err());
        assertEquals(broken, Files.readString(file));
    }

    @Test
    void zipWritesAZipWhoseHashTheGoCommandAgreesWith() throws IOException {
        Path dir = tmp.resolve("src");
        write(dir.resolve("go.mod"), "module example.com/zipme\n\ngo 1.21\n");
        write(dir.resolve("zipme.go"), "package zipme\n\nconst Answer = 42\n");
        write(dir.resolve("vendor/example.com/x/x.go"), "package x\n");
        Path proxy = tmp.resolve("proxy/example.com/zipme/@v");
        Files.createDirectories(proxy);

        CliRun zipped = CliRun.of("mod", "zip", "--module", "example.com/zipme@v1.0.0",
                "-o", proxy.resolve("v1.0.0.zip").toString(), dir.toString());
        assertEquals(ExitCodes.OK, zipped.exitCode(), zipped.err());
        assertTrue(zipped.out().contains("omitted  vendor/example.com/x/x.go"), zipped.out());
        String h1 = CliRun.of("mod", "hash", "--zip", proxy.resolve("v1.0.0.zip").toString()).out().trim();
        String modH1 = CliRun.of("mod", "hash", "--mod", dir.resolve("go.mod").toString()).out().trim();
        assertTrue(zipped.out().contains(h1), "zip prints the hash that hash computes");

        Files.copy(dir.resolve("go.mod"), proxy.resolve("v1.0.0.mod"));
        write(proxy.resolve("v1.0.0.info"), "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}");
        write(proxy.resolve("list"), "v1.0.0\n");
        GoSandbox go = GoSandbox.create(tmp.resolve("go")).set("GOPROXY", tmp.resolve("proxy").toUri().toString());
        JsonNode dl = new ObjectMapper().readTree(go.goOk(tmp, "mod", "download", "-json", "example.com/zipme@v1.0.0"));

        assertEquals(dl.get("Sum").asText(), h1);
        assertEquals(dl.get("GoModSum").asText(), modH1);
    }

    @Test
    void checkZipReportsAnEntryOutsideTheModulePrefixAndFails() throws IOException {
        Path zip = tmp.resolve("evil.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("example.com/m@v1.0.0/ok.go"));
            out.write("package m\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("example.com/m@v1.0.0/../../escape.go"));
            out.write("package m\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] before = Files.readAllBytes(zip);

        CliRun run = CliRun.of("mod", "check-zip", "--module", "example.com/m@v1.0.0", zip.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.out().contains("invalid"), run.out());
        assertTrue(run.err().contains("breaks the module zip rules"), run.err());
        assertArrayEquals(before, Files.readAllBytes(zip));
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
