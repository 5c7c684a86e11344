package dev.gosync.agent.discovery;

import dev.gosync.gomod.GoStrings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The go command's static rules that map an import path to a repository without asking any
 * server: well-known code hosts, and any path with a version-control qualifier such as
 * {@code example.com/repo.git/sub}. Each rule applies to the paths under its host prefix; a path
 * under a prefix that does not fit the rule's pattern is an error, not a reason to look further.
 *
 * <p>This is the only place that names code hosts; they are version-control hosts the go command
 * knows by name, not module proxies.
 */
public final class CodeHostRules {
    /** The version control systems in the go command's order, by command name. */
    static final List<String> VCS_COMMANDS = List.of("hg", "git", "svn", "bzr", "fossil");

    private static final String ELEM = "[A-Za-z0-9_.\\-]+";

    /**
     * One rule.
     *
     * @param pathPrefix   the paths it applies to ("" for all)
     * @param pattern      the pattern with named groups; {@code root} is the repository's import path
     * @param vcs          the version control system, or "" when the pattern's {@code vcs} group says
     * @param repo         the repository URL, with {@code {root}} and other groups to fill in
     * @param noVcsSuffix  whether a repository name ending in a VCS qualifier is refused
     * @param schemeless   whether the URL lacks a scheme, to be found by probing the VCS's schemes
     */
    record Rule(String pathPrefix, Pattern pattern, String vcs, String repo, boolean noVcsSuffix, boolean schemeless) {
    }

    /**
     * What a rule made of a path.
     *
     * @param repo a URL, or for a schemeless rule the URL without {@code scheme://}
     */
    record Match(String root, String vcs, String repo, boolean schemeless) {
    }

    /** Tried before go-import discovery. */
    static final List<Rule> BEFORE_DISCOVERY = List.of(
            host("github.com", "^(?<root>github\\.com/" + ELEM + "/" + ELEM + ")(/" + ELEM + ")*$", true),
            host("bitbucket.org", "^(?<root>bitbucket\\.org/(?<bitname>" + ELEM + "/" + ELEM + "))(/" + ELEM + ")*$", true),
            host("hub.jazz.net/git", "^(?<root>hub\\.jazz\\.net/git/[a-z0-9]+/" + ELEM + ")(/" + ELEM + ")*$", true),
            host("git.apache.org", "^(?<root>git\\.apache\\.org/[a-z0-9_.\\-]+\\.git)(/" + ELEM + ")*$", false),
            host("git.openstack.org", "^(?<root>git\\.openstack\\.org/" + ELEM + "/" + ELEM + ")(\\.git)?(/" + ELEM + ")*$",
                    false),
            new Rule("chiselapp.com", Pattern.compile("^(?<root>chiselapp\\.com/user/[A-Za-z0-9]+/repository/" + ELEM + ")$"),
                    "fossil", "https://{root}", false, false),
            new Rule("", Pattern.compile("(?<root>(?<repo>([a-z0-9.\\-]+\\.)+[a-z0-9.\\-]+(:[0-9]+)?(/~?" + ELEM
                    + ")+?)\\.(?<vcs>bzr|fossil|git|hg|svn))(/~?" + ELEM + ")*$"), "", "", false, true));

    /**
     * Tried when discovery fails. The go command also asks this host whether a path's last
     * element is a series branch; gosync, which cannot use bzr anyway, takes the path as given.
     */
    static final List<Rule> AFTER_DISCOVERY = List.of(new Rule("launchpad.net",
            Pattern.compile("^(?<root>launchpad\\.net/((?<project>" + ELEM + ")(?<series>/" + ELEM + ")?|~" + ELEM
                    + "/(\\+junk|" + ELEM + ")/" + ELEM + "))(/" + ELEM + ")*$"), "bzr", "https://{root}", false, false));

    private CodeHostRules() {
    }

    private static Rule host(String prefix, String pattern, boolean noVcsSuffix) {
        return new Rule(prefix, Pattern.compile(pattern), "git", "https://{root}", noVcsSuffix, false);
    }

    /**
     * Applies the first rule whose prefix covers the path.
     *
     * @param beforeCheck called with the match before anything else is checked, for GOVCS
     * @return empty when no rule covers the path (discovery is needed)
     * @throws DiscoveryException when the path is under a rule's prefix but breaks it
     */
    static Optional<Match> match(List<Rule> rules, String importPath, Consumer<Match> beforeCheck) {
        for (String prefix : List.of("http:", "https:")) {
            if (importPath.startsWith(prefix)) {
                throw new DiscoveryException(GoStrings.quote(prefix + "//") + " not allowed in import path",
                        "write the module path without a scheme");
            }
        }
        for (Rule rule : rules) {
            if (!hasPathPrefix(importPath, rule.pathPrefix())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(importPath);
            if (!m.find()) {
                if (!rule.pathPrefix().isEmpty()) {
                    throw new DiscoveryException("invalid " + rule.pathPrefix() + " import path "
                            + GoStrings.quote(importPath), "check the module path");
                }
                continue;
            }
            Map<String, String> groups = new HashMap<>();
            groups.put("prefix", rule.pathPrefix() + "/");
            groups.put("import", importPath);
            for (String name : List.of("root", "bitname", "repo", "vcs", "project", "series")) {
                if (rule.pattern().pattern().contains("(?<" + name + ">") && m.group(name) != null) {
                    groups.putIfAbsent(name, m.group(name));
                }
            }
            String vcs = rule.vcs().isEmpty() ? groups.get("vcs") : expand(groups, rule.vcs());
            groups.put("vcs", vcs);
            String repo = rule.repo().isEmpty() ? groups.get("repo") : expand(groups, rule.repo());
            groups.put("repo", repo);
            if (rule.noVcsSuffix()) {
                for (String cmd : VCS_COMMANDS) {
                    if (repo.endsWith("." + cmd)) {
                        throw new DiscoveryException("invalid version control suffix in " + groups.get("prefix") + " path",
                                "leave the ." + cmd + " out of the module path: this host's repositories need no qualifier");
                    }
                }
            }
            if (!VCS_COMMANDS.contains(vcs)) {
                throw new DiscoveryException("unknown version control system " + GoStrings.quote(vcs), "check the module path");
            }
            Match match = new Match(groups.get("root"), vcs, repo, rule.schemeless());
            beforeCheck.accept(match);
            return Optional.of(match);
        }
        return Optional.empty();
    }

    /** Replaces each {@code {name}} once, left to right, by its group. */
    private static String expand(Map<String, String> groups, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            out.append(template, i, open);
            if (groups.containsKey(key)) {
                out.append(groups.get(key));
                i = close + 1;
            } else {
                out.append('{');
                i = open + 1;
            }
        }
        return out.toString();
    }

    /** Whether path is prefix or starts with prefix followed by a slash ("" covers every path). */
    static boolean hasPathPrefix(String path, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
