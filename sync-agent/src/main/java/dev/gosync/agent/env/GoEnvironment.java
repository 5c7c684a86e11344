package dev.gosync.agent.env;

import dev.gosync.bundle.manifest.Redaction;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings the go command would use, read the way it reads them: a variable set to a
 * non-empty value in the process environment wins; otherwise the value comes from a second
 * source, normally {@code go env -json} of the go binary on {@code PATH}, which is asked at most
 * once and only when a setting is missing. As in the go command, an empty value means unset.
 *
 * <p>gosync knows no default proxy or checksum database of its own: when GOPROXY is set nowhere,
 * {@link #goproxy()} fails and asks the user to set it.
 */
public final class GoEnvironment {
    /** The go command's settings that gosync reads; each can come from the environment or {@code go env}. */
    public static final Set<String> GO_SETTINGS = Set.of(
            "GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB", "GOINSECURE", "GOVCS",
            "GOFLAGS", "GOAUTH", "GOMODCACHE", "GOPATH", "GOROOT", "GOENV");

    /** Read from the process environment only: the go command uses them but does not report them. */
    public static final Set<String> PROCESS_ONLY = Set.of("NETRC", "HOME", "USERPROFILE");

    private final Map<String, String> process;
    private final GoEnvSource fallback;
    private Map<String, String> fallbackValues;

    private GoEnvironment(Map<String, String> vars, GoEnvSource fallback) {
        Map<String, String> known = new HashMap<>();
        vars.forEach((k, v) -> {
            if (v != null && !v.isEmpty() && (GO_SETTINGS.contains(k) || PROCESS_ONLY.contains(k))) {
                known.put(k, v);
            }
        });
        this.process = Map.copyOf(known);
        this.fallback = fallback;
    }

    /** Settings from this map alone (unknown names are ignored); for tests and explicit configuration. */
    public static GoEnvironment of(Map<String, String> vars) {
        return new GoEnvironment(vars, GoEnvSource.NONE);
    }

    /** Settings from {@code vars}, and for those it leaves unset from {@code fallback}. */
    public static GoEnvironment of(Map<String, String> vars, GoEnvSource fallback) {
        return new GoEnvironment(vars, fallback);
    }

    /** This process's environment, completed by {@code go env -json} when a go binary is on PATH. */
    public static GoEnvironment fromProcess() {
        Map<String, String> env = System.getenv();
        return new GoEnvironment(env, GoEnvCommand.onPath(env).<GoEnvSource>map(c -> c).orElse(GoEnvSource.NONE));
    }

    /** A copy with one setting replaced, for command-line options such as {@code --proxy}. */
    public GoEnvironment with(String name, String value) {
        requireKnown(name);
        Map<String, String> vars = new HashMap<>(process);
        vars.put(name, value);
        return new GoEnvironment(vars, fallback);
    }

    /**
     * The non-empty value of a setting, or empty when it is set nowhere.
     *
     * @throws IllegalArgumentException for a name outside {@link #GO_SETTINGS} and {@link #PROCESS_ONLY}
     */
    public Optional<String> get(String name) {
        requireKnown(name);
        String v = process.get(name);
        if (v == null && GO_SETTINGS.contains(name)) {
            v = fallbackValues().get(name);
        }
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * GOPROXY, the list of module proxies.
     *
     * @throws GoproxyNotSetException when it is set nowhere
     */
    public String goproxy() {
        return get("GOPROXY").orElseThrow(GoproxyNotSetException::new);
    }

    /** GOPRIVATE, or "" when unset. */
    public String goprivate() {
        return get("GOPRIVATE").orElse("");
    }

    /** GONOPROXY; when it is unset or empty, GOPRIVATE (so an empty GONOPROXY cannot undo GOPRIVATE). */
    public String gonoproxy() {
        return get("GONOPROXY").orElseGet(this::goprivate);
    }

    /** GONOSUMDB; when it is unset or empty, GOPRIVATE. */
    public String gonosumdb() {
        return get("GONOSUMDB").orElseGet(this::goprivate);
    }

    /** GOINSECURE, or "" when unset. */
    public String goinsecure() {
        return get("GOINSECURE").orElse("");
    }

    /** GOSUMDB, or empty when set nowhere (gosync then has no checksum database to name). */
    public Optional<String> gosumdb() {
        return get("GOSUMDB");
    }

    /** GOAUTH; {@code netrc} when unset, the go command's built-in default. */
    public String goauth() {
        return get("GOAUTH").orElse("netrc");
    }

    /**
     * GOFLAGS, split and checked.
     *
     * @throws InvalidGoFlagsException when it cannot be split into flags
     */
    public GoFlags goflags() {
        return get("GOFLAGS").map(GoFlags::parse).orElse(GoFlags.EMPTY);
    }

    /** The GOPATH list, empty when unknown. */
    public List<Path> gopath() {
        return get("GOPATH")
                .map(v -> Arrays.stream(v.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList())
                .orElse(List.of());
    }

    /** GOMODCACHE; when unset, {@code pkg/mod} in the first GOPATH entry, as the go command derives it. */
    public Optional<Path> gomodcache() {
        Optional<Path> set = get("GOMODCACHE").map(Path::of);
        if (set.isPresent()) {
            return set;
        }
        List<Path> gopath = gopath();
        return gopath.isEmpty() ? Optional.empty() : Optional.of(gopath.get(0).resolve("pkg").resolve("mod"));
    }

    /**
     * The settings known so far, with credentials in URLs redacted, for messages and logs. Never
     * runs the go command: settings still to be read from it are not shown.
     */
    @Override
    public synchronized String toString() {
        Map<String, String> shown = new TreeMap<>();
        if (fallbackValues != null) {
            fallbackValues.forEach((k, v) -> {
                if (GO_SETTINGS.contains(k) && !v.isEmpty()) {
                    shown.put(k, Redaction.redact(v));
                }
            });
        }
        process.forEach((k, v) -> {
            if (GO_SETTINGS.contains(k)) {
                shown.put(k, Redaction.redact(v));
            }
        });
        return shown.toString();
    }

    private synchronized Map<String, String> fallbackValues() {
        if (fallbackValues == null) {
            fallbackValues = Map.copyOf(fallback.read());
        }
        return fallbackValues;
    }

    private static void requireKnown(String name) {
        if (!GO_SETTINGS.contains(name) && !PROCESS_ONLY.contains(name)) {
            throw new IllegalArgumentException("not a setting gosync reads: " + name);
        }
    }
}
