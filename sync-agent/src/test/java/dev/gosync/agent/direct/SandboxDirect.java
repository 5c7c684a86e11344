package dev.gosync.agent.direct;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyClient;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.fixtures.GoSandbox;
import java.nio.file.Path;
import java.util.Map;

/** Direct sources configured from a go sandbox's environment, as gosync on that machine would be. */
final class SandboxDirect {
    private SandboxDirect() {
    }

    /** A source reading the sandbox's git configuration and go settings, with its mirrors and cache under {@code work}. */
    static DirectSource open(GoSandbox sandbox, Path work) {
        return open(sandbox, work, DirectSettings.of(VcsMap.empty()));
    }

    static DirectSource open(GoSandbox sandbox, Path work, DirectSettings settings) {
        return open(sandbox, work, settings, ProxyClientSettings.defaults());
    }

    static DirectSource open(GoSandbox sandbox, Path work, DirectSettings settings, ProxyClientSettings client) {
        Map<String, String> env = sandbox.env();
        DirectContext context = new DirectContext(GoEnvironment.of(env), env, sandbox.root().resolve("home"), "Linux",
                ProxyClient.create(client), work.resolve("cache"));
        return settings.withMirrorDir(work.resolve("mirrors")).open(context);
    }
}
