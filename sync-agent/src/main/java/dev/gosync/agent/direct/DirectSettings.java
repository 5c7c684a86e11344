package dev.gosync.agent.direct;

import dev.gosync.agent.discovery.Govcs;
import dev.gosync.agent.discovery.HttpPageFetcher;
import dev.gosync.agent.discovery.PageFetcher;
import dev.gosync.agent.discovery.RepoRoot;
import dev.gosync.agent.discovery.RepoRootFinder;
import dev.gosync.agent.gitconfig.GitConfigFiles;
import dev.gosync.agent.gitconfig.UrlRewrites;
import dev.gosync.agent.gitremote.MirrorCache;
import dev.gosync.agent.gitremote.RemoteAccess;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.proxy.ProxyUrl;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.transport.SshSessionFactory;

/**
 * The real direct mode, and what the user configured for it.
 *
 * @param vcsMap    {@code --vcs-map} and vcs-map file mappings
 * @param mirrorDir where bare mirrors are kept; empty for {@code <download cache>/.gosync/vcs}
 * @param ssh       the ssh session factory for {@code ssh://} repositories, if any
 * @param connectTo where discovery requests for a URL really go: the identity outside tests
 */
public record DirectSettings(VcsMap vcsMap, Optional<Path> mirrorDir, Optional<SshSessionFactory> ssh,
                             UnaryOperator<URI> connectTo) implements DirectMode {
    public DirectSettings {
        Objects.requireNonNull(vcsMap, "vcsMap");
        Objects.requireNonNull(mirrorDir, "mirrorDir");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(connectTo, "connectTo");
    }

    /** The mappings given, mirrors in the download cache, the user's ssh setup. */
    public static DirectSettings of(VcsMap vcsMap) {
        return new DirectSettings(vcsMap, Optional.empty(), SshSupport.userSessionFactory(), UnaryOperator.identity());
    }

    public DirectSettings withMirrorDir(Path dir) {
        return new DirectSettings(vcsMap, Optional.of(dir), ssh, connectTo);
    }

    public DirectSettings withConnectTo(UnaryOperator<URI> route) {
        return new DirectSettings(vcsMap, mirrorDir, ssh, route);
    }

    @Override
    public DirectSource open(DirectContext context) {
        ProxyClientSettings client = context.client().settings();
        UrlRewrites rewrites = UrlRewrites.fromFiles(
                GitConfigFiles.forUser(context.environment(), context.home(), context.osName()));
        Govcs govcs = Govcs.of(context.go().get("GOVCS").orElse(""), context.go().goprivate());
        int timeout = (int) Math.max(1, client.readTimeout().toSeconds());
        MirrorCache mirrors = new MirrorCache(mirrorDir.orElse(context.cacheDir().resolve(".gosync").resolve("vcs")),
                new RemoteAccess(client.auth(), ssh, timeout));
        PageFetcher pages = new HttpPageFetcher(client.sslContext(), client.auth(),
                client.connectTimeout().plus(client.readTimeout()), connectTo);
        String allow = context.environment().getOrDefault("GIT_ALLOW_PROTOCOL", "");
        List<String> allowed = allow.isEmpty() ? List.of() : Arrays.asList(allow.split(":"));
        RepoRootFinder finder = new RepoRootFinder(govcs, context.go().goinsecure(), pages,
                (vcs, url) -> vcs.equals(RepoRoot.GIT) && mirrors.answers(rewrites.rewrite(url)), allowed);
        return new DirectSource(vcsMap, govcs, finder, rewrites, mirrors,
                base -> context.client().source(ProxyUrl.parse(base)));
    }
}
