package dev.gosync.agent.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the go command for its settings with {@code go env -json}, so that defaults from
 * {@code $GOROOT/go.env} and the user's {@code go env -w} file count exactly as they count for
 * the go command. Reading settings is the only thing gosync runs the go command for.
 */
public final class GoEnvCommand implements GoEnvSource {
    private static final long TIMEOUT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path go;
    private final Map<String, String> environment;

    /**
     * @param go          the go binary
     * @param environment the complete environment to run it with
     */
    public GoEnvCommand(Path go, Map<String, String> environment) {
        this.go = go;
        this.environment = Map.copyOf(environment);
    }

    /** The go binary found on the {@code PATH} of {@code environment}, if any, run with that environment. */
    public static Optional<GoEnvCommand> onPath(Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String exe = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "go.exe" : "go";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, exe);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new GoEnvCommand(candidate, environment));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> read() {
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "env", "-json");
        pb.environment().clear();
        pb.environment().putAll(environment);
        // A go.mod or go.work naming a newer toolchain must not make `go env` download one.
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.directory(new File(System.getProperty("java.io.tmpdir")));
        String command = go + " env -json";
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new GoEnvException("cannot run `" + command + "`: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            String stdout = drain(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new GoEnvException("`" + command + "` did not finish within " + TIMEOUT_SECONDS + " s", null);
            }
            if (process.exitValue() != 0) {
                throw new GoEnvException("`" + command + "` exited " + process.exitValue() + ": "
                        + stderr.join().strip(), null);
            }
            return parse(stdout, command);
        } catch (IOException | UncheckedIOException e) {
            throw new GoEnvException("cannot read the output of `" + command + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoEnvException("interrupted while running `" + command + "`", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Map<String, String> parse(String json, String command) {
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            Map<String, String> settings = new HashMap<>();
            raw.forEach((k, v) -> {
                if (v instanceof String s) {
                    settings.put(k, s);
                }
            });
            return settings;
        } catch (JsonProcessingException e) {
            throw new GoEnvException("`" + command + "` printed no JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
