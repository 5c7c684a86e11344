package dev.gosync.agent.discovery;

/**
 * Whether a repository answers at a URL ({@code git ls-remote} for the go command). Used for
 * paths like {@code example.com/repo.git}, whose rule gives no scheme.
 */
@FunctionalInterface
public interface SchemeProbe {
    boolean answers(String vcs, String url);
}
