package dev.gosync.agent.export;

import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.direct.DirectMode;
import dev.gosync.agent.direct.DirectSettings;
import dev.gosync.agent.direct.VcsMap;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Exporter} takes from its surroundings rather than from a request.
 *
 * @param goEnvironment the go command's settings (GOPROXY, GONOPROXY, GOAUTH, …)
 * @param client        timeouts and retries for proxies; credentials are added from GOAUTH
 * @param direct        what serves {@code direct} in GOPROXY and modules matching GONOPROXY, opened
 *                      once per export
 * @param checksums     records checked after go.sum, such as a checksum database
 * @param environment   the process environment: {@code SOURCE_DATE_EPOCH}, and the variables
 *                      that place the default cache and state ({@code XDG_CACHE_HOME}, …)
 * @param home          the user's home directory, for the default cache and state
 * @param osName        the operating system's name, as the {@code os.name} property gives it
 * @param clock         the creation time when {@code SOURCE_DATE_EPOCH} is unset
 * @param tool          the tool and version written into manifests, such as {@code gosync 0.1.0}
 */
public record ExportSettings(GoEnvironment goEnvironment, ProxyClientSettings client, DirectMode direct,
                             ChecksumVerifier checksums, Map<String, String> environment, Path home, String osName,
                             Clock clock, String tool) {
    public ExportSettings {
        Objects.requireNonNull(goEnvironment, "goEnvironment");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(checksums, "checksums");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tool, "tool");
    }

    /**
     * The settings of this process: its environment completed by {@code go env}, default proxy
     * client settings, direct mode from git without {@code --vcs-map} mappings (see
     * {@link #withDirect}), go.sum as the only checksum record.
     */
    public static ExportSettings fromProcess(String tool) {
        return new ExportSettings(GoEnvironment.fromProcess(), ProxyClientSettings.defaults(),
                DirectSettings.of(VcsMap.empty()), ChecksumVerifier.NONE, System.getenv(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""), Clock.systemUTC(), tool);
    }

    public ExportSettings withGoEnvironment(GoEnvironment env) {
        return new ExportSettings(env, client, direct, checksums, environment, home, osName, clock, tool);
    }

    public ExportSettings withClient(ProxyClientSettings settings) {
        return new ExportSettings(goEnvironment, settings, direct, checksums, environment, home, osName, clock, tool);
    }

    public ExportSettings withEnvironment(Map<String, String> env) {
        return new ExportSettings(goEnvironment, client, direct, checksums, env, home, osName, clock, tool);
    }

    public ExportSettings withDirect(DirectMode mode) {
        return new ExportSettings(goEnvironment, client, mode, checksums, environment, home, osName, clock, tool);
    }
}
