package dev.gosync.agent.gitconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Config;

/**
 * git's {@code url.<base>.insteadOf} rewriting of repository URLs: a URL that starts with an
 * {@code insteadOf} value has that prefix replaced by {@code <base>}. When several values match,
 * the longest wins; between equally long ones, the first read wins. A URL is rewritten at most
 * once. ({@code pushInsteadOf} only concerns pushes and is ignored.)
 */
public final class UrlRewrites {
    /** One {@code insteadOf} value and the base that replaces it. */
    public record Rule(String base, String insteadOf) {
    }

    private final Supplier<List<Rule>> source;
    private List<Rule> rules;

    private UrlRewrites(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.source = null;
    }

    private UrlRewrites(Supplier<List<Rule>> source) {
        this.source = source;
    }

    /**
     * Rules read on first use, so that a broken git configuration only matters to a run that
     * fetches from git.
     */
    public static UrlRewrites lazily(Supplier<UrlRewrites> load) {
        return new UrlRewrites(() -> load.get().rules());
    }

    public static UrlRewrites none() {
        return new UrlRewrites(List.of());
    }

    public static UrlRewrites of(List<Rule> rules) {
        return new UrlRewrites(rules);
    }

    /** The rules of the configuration files, in reading order. */
    public static UrlRewrites fromConfigs(List<Config> configs) {
        List<Rule> rules = new ArrayList<>();
        for (Config config : configs) {
            for (String base : config.getSubsections("url")) {
                for (String insteadOf : config.getStringList("url", base, "insteadOf")) {
                    rules.add(new Rule(base, insteadOf));
                }
            }
        }
        return new UrlRewrites(rules);
    }

    /** The rules of the user's git configuration (see {@link GitConfigFiles}). */
    public static UrlRewrites fromFiles(GitConfigFiles files) {
        return fromConfigs(files.load());
    }

    /** The URL git would fetch when told to fetch {@code url}. */
    public String rewrite(String url) {
        Rule best = null;
        for (Rule rule : rules()) {
            if (url.startsWith(rule.insteadOf()) && (best == null || rule.insteadOf().length() > best.insteadOf().length())) {
                best = rule;
            }
        }
        return best == null ? url : best.base() + url.substring(best.insteadOf().length());
    }

    public synchronized List<Rule> rules() {
        if (rules == null) {
            rules = List.copyOf(source.get());
        }
        return rules;
    }
}
