package dev.gosync.agent.discovery;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.PrefixPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GOVCS policy: which version control systems may be used for which repositories.
 *
 * <p>GOVCS is a comma-separated list of {@code pattern:vcs|vcs…} rules; a pattern is a module
 * path glob (as in GOPRIVATE), {@code public} or {@code private} (whether the repository root
 * matches GOPRIVATE); {@code all} allows every system and {@code off} none. The first rule whose
 * pattern matches decides. The go command's defaults follow the user's rules:
 * {@code private:all,public:git|hg}. Nothing matching means nothing allowed.
 *
 * <p>gosync itself only implements git; the policy is still applied first, so that a system GOVCS
 * forbids is reported as the go command reports it.
 */
public final class Govcs {
    private record Rule(String pattern, List<String> allowed) {
    }

    private static final List<Rule> DEFAULTS = List.of(
            new Rule("private", List.of("all")), new Rule("public", List.of("git", "hg")));

    private final List<Rule> rules;
    private final String goprivate;
    private final String invalid;

    private Govcs(List<Rule> rules, String goprivate, String invalid) {
        this.rules = rules;
        this.goprivate = goprivate;
        this.invalid = invalid;
    }

    /**
     * The policy of GOVCS ("" for unset). Like the go command, a malformed value is reported when
     * a repository is checked, with the go command's message, not when it is read.
     *
     * @param goprivate GOPRIVATE, which tells private repositories from public ones
     */
    public static Govcs of(String govcs, String goprivate) {
        try {
            return new Govcs(parseRules(govcs), goprivate, null);
        } catch (InvalidGovcsException e) {
            return new Govcs(List.of(), goprivate, e.getMessage());
        }
    }

    /**
     * Parses GOVCS ("" for unset) with the go command's checks and messages.
     *
     * @throws InvalidGovcsException for a malformed value
     */
    public static Govcs parse(String govcs, String goprivate) {
        return new Govcs(parseRules(govcs), goprivate, null);
    }

    private static List<Rule> parseRules(String govcs) {
        List<Rule> rules = new ArrayList<>();
        String s = govcs.strip();
        if (!s.isEmpty()) {
            Map<String, String> seen = new HashMap<>();
            for (String raw : s.split(",", -1)) {
                String item = raw.strip();
                if (item.isEmpty()) {
                    throw new InvalidGovcsException("empty entry in GOVCS");
                }
                int colon = item.indexOf(':');
                if (colon < 0) {
                    throw new InvalidGovcsException("malformed entry in GOVCS (missing colon): " + GoStrings.quote(item));
                }
                String pattern = item.substring(0, colon).strip();
                String list = item.substring(colon + 1).strip();
                if (pattern.isEmpty()) {
                    throw new InvalidGovcsException("empty pattern in GOVCS: " + GoStrings.quote(item));
                }
                if (list.isEmpty()) {
                    throw new InvalidGovcsException("empty VCS list in GOVCS: " + GoStrings.quote(item));
                }
                if (isRelative(pattern)) {
                    throw new InvalidGovcsException("relative pattern not allowed in GOVCS: " + GoStrings.quote(pattern));
                }
                String old = seen.putIfAbsent(pattern, item);
                if (old != null) {
                    throw new InvalidGovcsException("unreachable pattern in GOVCS: " + GoStrings.quote(item)
                            + " after " + GoStrings.quote(old));
                }
                List<String> allowed = new ArrayList<>();
                for (String a : list.split("\\|", -1)) {
                    if (a.strip().isEmpty()) {
                        throw new InvalidGovcsException("empty VCS name in GOVCS: " + GoStrings.quote(item));
                    }
                    allowed.add(a.strip());
                }
                rules.add(new Rule(pattern, List.copyOf(allowed)));
            }
        }
        rules.addAll(DEFAULTS);
        return List.copyOf(rules);
    }

    /** The go command's default policy, with no GOPRIVATE. */
    public static Govcs defaults() {
        return parse("", "");
    }

    /**
     * Checks that {@code vcs} may be used for the repository rooted at {@code root}; the
     * {@code mod} protocol (a proxy named by a go-import tag) is always allowed.
     *
     * @throws DiscoveryException with the go command's message when the policy forbids it, or GOVCS
     *                            is malformed
     */
    public void check(String vcs, String root) {
        if (vcs.equals(RepoRoot.MOD)) {
            return;
        }
        if (invalid != null) {
            throw new DiscoveryException(invalid, InvalidGovcsException.REMEDY);
        }
        boolean isPrivate = PrefixPatterns.matches(goprivate, root);
        if (!allows(root, isPrivate, vcs)) {
            throw new DiscoveryException("GOVCS disallows using " + vcs + " for " + (isPrivate ? "private" : "public")
                    + " " + root + "; see 'go help vcs'",
                    "allow it in GOVCS (for instance GOVCS=" + root + ":" + vcs + "), or map the module to a git"
                            + " repository with --vcs-map");
        }
    }

    private boolean allows(String path, boolean isPrivate, String vcs) {
        for (Rule rule : rules) {
            boolean match = switch (rule.pattern()) {
                case "private" -> isPrivate;
                case "public" -> !isPrivate;
                default -> PrefixPatterns.matches(rule.pattern(), path);
            };
            if (match) {
                return rule.allowed().contains(vcs) || rule.allowed().contains("all");
            }
        }
        return false;
    }

    /** The go command's test for relative package patterns: ".", "..", or starting with "./" or "../". */
    private static boolean isRelative(String pattern) {
        return Arrays.asList(".", "..").contains(pattern) || pattern.startsWith("./") || pattern.startsWith("../");
    }

    /** A GOVCS value the go command would refuse. */
    public static final class InvalidGovcsException extends dev.gosync.gomod.GosyncException {
        static final String REMEDY = "fix GOVCS (see 'go help vcs'): pattern:vcs|vcs,… with patterns like private,"
                + " public or a module path glob";

        InvalidGovcsException(String message) {
            super(message, REMEDY);
        }
    }
}
