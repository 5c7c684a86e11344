package dev.gosync.agent.discovery;

import dev.gosync.agent.discovery.MetaImports.MetaImport;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.PrefixPatterns;
import java.util.List;
import java.util.Optional;

/**
 * Module path to repository, as the go command's direct mode finds it
 * ({@code RepoRootForImportPath} in module mode):
 *
 * <ol>
 *   <li>the static rules for code hosts and qualified paths ({@link CodeHostRules}); a path with
 *       a qualifier ({@code .git} …) has no scheme, and the first of the system's secure schemes
 *       (all of them under GOINSECURE) at which the repository answers is taken;
 *   <li>otherwise {@code ?go-get=1} discovery ({@link ImportDiscovery});
 *   <li>when that fails, the rules kept for after discovery.
 * </ol>
 *
 * Every repository found is checked against GOVCS. Failures are {@link DiscoveryException}s with
 * the go command's message.
 */
public final class RepoRootFinder {
    /** The schemes each system may be reached by, in the go command's order of trying. */
    private static final List<String> GIT_SCHEMES = List.of("git", "https", "http", "git+ssh", "ssh");
    private static final List<String> SECURE_SCHEMES = List.of("https", "git+ssh", "bzr+ssh", "svn+ssh", "ssh");

    private final Govcs govcs;
    private final String goinsecure;
    private final ImportDiscovery discovery;
    private final SchemeProbe probe;
    private final List<String> allowedGitProtocols;

    /**
     * @param govcs               the GOVCS policy
     * @param goinsecure          GOINSECURE patterns
     * @param fetcher             gets discovery pages
     * @param probe               tells whether a repository answers at a URL
     * @param allowedGitProtocols GIT_ALLOW_PROTOCOL split at ':' (empty when unset): when set, the only
     *                            schemes counted as secure for git
     */
    public RepoRootFinder(Govcs govcs, String goinsecure, PageFetcher fetcher, SchemeProbe probe,
                          List<String> allowedGitProtocols) {
        this.govcs = govcs;
        this.goinsecure = goinsecure;
        this.discovery = new ImportDiscovery(fetcher);
        this.probe = probe;
        this.allowedGitProtocols = List.copyOf(allowedGitProtocols);
    }

    /**
     * Where the module's code lives.
     *
     * @throws DiscoveryException when no repository can be found or the policy forbids it
     */
    public RepoRoot find(String modulePath) {
        boolean insecure = PrefixPatterns.matches(goinsecure, modulePath);
        DiscoveryException failure;
        try {
            Optional<CodeHostRules.Match> m = CodeHostRules.match(CodeHostRules.BEFORE_DISCOVERY, modulePath, this::checkPolicy);
            if (m.isPresent()) {
                return resolve(m.get(), insecure);
            }
            MetaImport mmi;
            try {
                mmi = discovery.discover(modulePath, insecure);
            } catch (ImportDiscovery.Failure e) {
                throw new DiscoveryException("unrecognized import path " + GoStrings.quote(modulePath) + ": "
                        + e.getMessage(), remedy(modulePath));
            }
            govcs.check(mmi.vcs(), mmi.prefix());
            return new RepoRoot(mmi.prefix(), mmi.vcs(), mmi.repoRoot(), mmi.subdir(), true);
        } catch (DiscoveryException e) {
            failure = e;
        }
        try {
            Optional<CodeHostRules.Match> m = CodeHostRules.match(CodeHostRules.AFTER_DISCOVERY, modulePath, this::checkPolicy);
            if (m.isPresent()) {
                return resolve(m.get(), insecure);
            }
        } catch (DiscoveryException ignored) {
            // The first failure explains more.
        }
        throw failure;
    }

    private void checkPolicy(CodeHostRules.Match m) {
        govcs.check(m.vcs(), m.root());
    }

    private RepoRoot resolve(CodeHostRules.Match m, boolean insecure) {
        if (!m.schemeless()) {
            return new RepoRoot(m.root(), m.vcs(), m.repo(), "", false);
        }
        List<String> schemes = m.vcs().equals(RepoRoot.GIT) ? GIT_SCHEMES : List.of("https", "http");
        for (String scheme : schemes) {
            if (!insecure && !isSecure(m.vcs(), scheme)) {
                continue;
            }
            String url = scheme + "://" + m.repo();
            if (probe.answers(m.vcs(), url)) {
                return new RepoRoot(m.root(), m.vcs(), url, "", false);
            }
        }
        throw new DiscoveryException("no " + (insecure ? "" : "secure ") + "protocol found for repository",
                "check that the repository " + m.repo() + " is reachable (over https or ssh), or map the module with"
                        + " --vcs-map");
    }

    private boolean isSecure(String vcs, String scheme) {
        if (vcs.equals(RepoRoot.GIT) && !allowedGitProtocols.isEmpty()) {
            return allowedGitProtocols.contains(scheme);
        }
        return SECURE_SCHEMES.contains(scheme);
    }

    private static String remedy(String modulePath) {
        return "check the module path; if its host cannot answer ?go-get=1 requests, map it to its repository with"
                + " --vcs-map " + modulePath + "=<git URL> (or in the vcs-map file), or set GOINSECURE for a host"
                + " without valid https";
    }
}
