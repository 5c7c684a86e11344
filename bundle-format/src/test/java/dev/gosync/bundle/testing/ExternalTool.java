package dev.gosync.bundle.testing;

import dev.gosync.fixtures.ProcessResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real command-line tool used as a test oracle ({@code ssh-keygen}, {@code tar}, {@code zstd}).
 * Like the go toolchain in fixtures: missing locally, the tests that need it are skipped; missing
 * under {@code CI=true}, they fail.
 */
public final class ExternalTool {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final Path home;

    private ExternalTool(Path binary, Path home) {
        this.binary = binary;
        this.home = home;
    }

    /**
     * The tool {@code name}, run in {@code home} with {@code home} as its HOME, so nothing of the
     * developer's own configuration (~/.ssh) is used.
     */
    public static ExternalTool require(String name, Path home) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            String why = name + " is needed by this test but was found neither on PATH nor in /usr/bin";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (CI=true: interoperability tests must not be skipped; install it)");
            }
            Assumptions.abort(why);
        }
        return new ExternalTool(found.get(), home);
    }

    private static Optional<Path> find(String name) {
        List<Path> candidates = new ArrayList<>();
        String pathVar = System.getenv("PATH");
        if (pathVar != null) {
            for (String dir : pathVar.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Runs the tool with {@code args}, stdin from {@code stdin} (or nothing). */
    public ProcessResult run(Path stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin", "LC_ALL", "C"));
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new ProcessResult(command, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
