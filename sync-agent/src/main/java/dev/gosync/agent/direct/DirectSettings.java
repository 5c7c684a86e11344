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
 * @param sshDir    the ssh directory with keys, config and known_hosts; empty for {@code ~/.ssh} of
 *                  the run's home directory (HOME, else the JVM's)
 * @param connectTo where discovery requests for a URL really go: the identity outside tests
 */
public record DirectSettings(VcsMap vcsMap, Optional<Path> mirrorDir, Optional<Path> sshDir,
                             UnaryOperator<URI> connectTo) implements DirectMode {
    public DirectSettings {
        Objects.requireNonNull(vcsMap, "vcsMap");
        Objects.requireNonNull(mirrorDir, "mirrorDir");
        Objects.requireNonNull(sshDir, "sshDir");
        Objects.requireNonNull(connectTo, "connectTo");
    }

    /** The mappings given, mirrors in the download cache, the user's ~/.ssh. */
    public static DirectSettings of(VcsMap vcsMap) {
        return new DirectSettings(vcsMap, Optional.empty(), Optional.empty(), UnaryOperator.identity());
    }

    public DirectSettings withMirrorDir(Path dir) {
        return new DirectSettings(vcsMap, Optional.of(dir), sshDir, connectTo);
    }

    public DirectSettings withSshDir(Path dir) {
        return new DirectSettings(vcsMap, mirrorDir, Optional.of(dir), connectTo);
    }

    public DirectSettings withConnectTo(UnaryOperator<URI> route) {
        return new DirectSettings(vcsMap, mirrorDir, sshDir, route);
    }

    @Override
    public DirectSource open(DirectContext context) {
        ProxyClientSettings client = context.client().settings();
        GitConfigFiles gitConfig = GitConfigFiles.forUser(context.environment(), context.home(), context.osName());
        UrlRewrites rewrites = UrlRewrites.lazily(() -> UrlRewrites.fromFiles(gitConfig));
        Govcs govcs = Govcs.of(context.go().get("GOVCS").orElse(""), context.go().goprivate());
        int timeout = (int) Math.max(1, client.readTimeout().toSeconds());
        String homeVar = context.environment().get("HOME");
        Path home = homeVar != null && !homeVar.isEmpty() ? Path.of(homeVar) : context.home();
        SshSessionFactory ssh = SshSupport.sessionFactory(home, sshDir.orElse(home.resolve(".ssh")));
        MirrorCache mirrors = new MirrorCache(mirrorDir.orElse(context.cacheDir().resolve(".gosync").resolve("vcs")),
                new RemoteAccess(client.auth(), Optional.of(ssh), timeout));
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
