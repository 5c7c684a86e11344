package dev.gosync.agent.discovery;

import java.util.Objects;

/**
 * Where the code of an import path lives.
 *
 * @param root   the import path of the repository root (for a {@code go-import} tag, its prefix)
 * @param vcs    the version control system: {@code git}, {@code hg}, {@code svn}, {@code bzr},
 *               {@code fossil}, or {@code mod} for a module proxy
 * @param repo   the repository URL with its scheme, as the go command records it in origins (or
 *               the proxy's base URL for {@code mod})
 * @param subdir the directory of the repository that {@code root} stands for, "" for its top
 * @param custom whether a {@code go-import} tag or a gosync mapping said so, rather than a static rule
 */
public record RepoRoot(String root, String vcs, String repo, String subdir, boolean custom) {
    public static final String GIT = "git";
    public static final String MOD = "mod";

    public RepoRoot {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(vcs, "vcs");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(subdir, "subdir");
    }
}
