package dev.gosync.agent.vcs;

import dev.gosync.fixtures.Processes;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real {@code git archive}, run exactly as the go command runs it for a module zip (see
 * {@code codehost/git.go} {@code ReadZip}): {@code * -export-subst -export-ignore} appended to the
 * repository's {@code info/attributes}, {@code -c core.autocrlf=input -c core.eol=lf}, zip format,
 * and no system or user git configuration.
 */
final class GitArchive {
    private GitArchive() {
    }

    /** The regular files git writes for {@code subdir} ("" for all) of commit, by path below subdir. */
    static Map<String, byte[]> files(Path bareRepo, String commit, String subdir, Path scratch) {
        try {
            Path info = Files.createDirectories(bareRepo.resolve("info"));
            Files.writeString(info.resolve("attributes"), "\n* -export-subst -export-ignore\n");
            Path home = Files.createDirectories(scratch.resolve("home"));
            Path config = Files.writeString(scratch.resolve("gitconfig"), "");
            Path zip = Files.createTempFile(scratch, "archive-", ".zip");
            List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive",
                    "--format=zip", "--prefix=prefix/", "--output=" + zip, commit));
            if (!subdir.isEmpty()) {
                cmd.add(subdir);
            }
            ProcessResult r = Processes.run(scratch, Map.of("GIT_DIR", bareRepo.toString(), "HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.toString(), "GIT_CONFIG_GLOBAL", config.toString(), "GIT_CONFIG_NOSYSTEM", "1",
                    "GIT_ATTR_NOSYSTEM", "1", "PATH", "/usr/local/bin:/usr/bin:/bin"), Duration.ofSeconds(60), cmd).orThrow();
            try {
                return read(zip, "prefix/" + (subdir.isEmpty() ? "" : subdir + "/"));
            } finally {
                Files.delete(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> read(Path zip, String prefix) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                    files.put(e.getName().substring(prefix.length()), z.getInputStream(e).readAllBytes());
                }
            }
        }
        return files;
    }
}
