package dev.gosync.agent.direct;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a direct source needs from the run that opens it.
 *
 * @param go          the go settings in force (GOVCS, GOPRIVATE, GOINSECURE, GOAUTH …)
 * @param environment the process environment: the git configuration's locations (HOME,
 *                    XDG_CONFIG_HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM, …) and GIT_ALLOW_PROTOCOL
 * @param home        the user's home directory when HOME is unset
 * @param osName      the {@code os.name} of the machine
 * @param client      the proxy client: its TLS trust and credentials also serve discovery and git
 *                    over https, and it serves {@code mod} entries of go-import tags
 * @param cacheDir    the download cache directory; mirrors live in its {@code .gosync/vcs} unless
 *                    the settings name another place
 */
public record DirectContext(GoEnvironment go, Map<String, String> environment, Path home, String osName,
                            ProxyClient client, Path cacheDir) {
    public DirectContext {
        Objects.requireNonNull(go, "go");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(cacheDir, "cacheDir");
    }
}
