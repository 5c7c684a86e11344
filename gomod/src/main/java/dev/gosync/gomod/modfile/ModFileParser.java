package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.modfile.DirectiveArgs.Interval;
import dev.gosync.gomod.modfile.DirectiveArgs.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directives of a go.mod file, strictly (x/mod's {@code Parse} without a version fixer, as
 * {@code go mod edit} uses it) or laxly (its {@code ParseLax}, as the go command reads
 * dependencies: only {@code module}, {@code go}, {@code require}, {@code retract} and
 * {@code ignore} count, anything else is skipped unread, and malformed retractions too).
 */
final class ModFileParser extends DirectiveParser {
    private static final Set<String> BLOCK_VERBS =
            Set.of("module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
    private static final Set<String> LAX_VERBS = Set.of("go", "module", "retract", "require", "ignore");

    private final boolean lax;
    /** Raw text, null when there is no module directive. */
    String modulePath;
    String deprecation = "";
    final List<Requirement> requirements = new ArrayList<>();
    final List<ModuleVersion> exclusions = new ArrayList<>();
    final List<Retraction> retractions = new ArrayList<>();
    final List<String> tools = new ArrayList<>();
    final List<String> ignores = new ArrayList<>();
    private final Set<List<String>> seenExcludes = new HashSet<>();
    private final Set<String> seenTools = new HashSet<>();
    private final Set<String> seenIgnores = new HashSet<>();

    private ModFileParser(String fileName, byte[] content, boolean lax) {
        super(fileName, content);
        this.lax = lax;
    }

    /** @throws ModFileException when the file is malformed */
    static ModFileParser parse(String fileName, byte[] content, boolean lax) {
        ModFileParser parser = new ModFileParser(fileName, content, lax);
        parser.parseDirectives();
        return parser;
    }

    @Override
    boolean isBlockVerb(String verb) {
        return BLOCK_VERBS.contains(verb);
    }

    @Override
    boolean skips(String verb) {
        return lax && !LAX_VERBS.contains(verb);
    }

    @Override
    boolean strict() {
        return !lax;
    }

    @Override
    void directive(LineBlock block, Line line, String verb, List<String> args) {
        switch (verb) {
            case "module" -> module(block, line, args);
            case "go" -> go(args, lax);
            case "toolchain" -> toolchain(args);
            case "godebug" -> godebug(args);
            case "require", "exclude" -> requireOrExclude(line, verb, args);
            case "replace" -> replace(verb, line, args);
            case "retract" -> retract(block, line, args);
            case "tool" -> tool(line, args);
            case "ignore" -> ignore(line, args);
            default -> throw unknownDirective(verb);
        }
    }

    private void module(LineBlock block, Line line, List<String> args) {
        if (modulePath != null) {
            throw new Problem("repeated module statement");
        }
        modulePath = "";
        deprecation = DirectiveArgs.deprecation(DirectiveArgs.directiveComment(block, line));
        if (args.size() != 1) {
            throw new Problem("usage: module module/path");
        }
        modulePath = DirectiveArgs.quotedString(args, 0);
    }

    private void requireOrExclude(Line line, String verb, List<String> args) {
        if (args.size() != 2) {
            throw new Problem("usage: " + verb + " module/path v1.2.3");
        }
        String path = DirectiveArgs.quotedString(args, 0);
        String version = DirectiveArgs.canonicalVersion(verb, path, args, 1);
        DirectiveArgs.checkPathMajor(verb, path, version, DirectiveArgs.pathMajor(path));
        if (verb.equals("require")) {
            requirements.add(new Requirement(moduleVersion(path, version), isIndirect(line)));
        } else {
            exclusions.add(moduleVersion(path, version));
            if (!seenExcludes.add(List.of(path, version))) {
                redundant.add(line);
            }
        }
    }

    /** Whether the first end-of-line comment is {@code indirect}, alone or as {@code indirect; …}. */
    private static boolean isIndirect(Line line) {
        List<Comment> suffix = line.comments().suffix;
        if (suffix.isEmpty()) {
            return false;
        }
        String text = suffix.get(0).text();
        List<String> words = GoText.fields(text.startsWith("//") ? text.substring(2) : text);
        return (words.size() == 1 && words.get(0).equals("indirect"))
                || (words.size() > 1 && words.get(0).equals("indirect;"));
    }

    private void retract(LineBlock block, Line line, List<String> args) {
        String rationale = DirectiveArgs.directiveComment(block, line);
        Interval interval;
        try {
            interval = DirectiveArgs.interval(args);
        } catch (Problem p) {
            if (lax) {
                // Dependencies may one day use interval syntax this parser does not know.
                return;
            }
            throw p;
        }
        if (args.size() > interval.length() && !lax) {
            throw new Problem("unexpected token after version: "
                    + GoText.toJava(GoText.quote(args.get(interval.length()))));
        }
        retractions.add(new Retraction(GoText.toJava(interval.low()), GoText.toJava(interval.high()),
                GoText.toJava(rationale)));
    }

    private void tool(Line line, List<String> args) {
        if (args.size() != 1) {
            throw new Problem("tool directive expects exactly one argument");
        }
        String path = DirectiveArgs.quotedString(args, 0);
        tools.add(GoText.toJava(path));
        if (!seenTools.add(path)) {
            redundant.add(line);
        }
    }

    private void ignore(Line line, List<String> args) {
        if (args.size() != 1) {
            throw new Problem("ignore directive expects exactly one argument");
        }
        String path = DirectiveArgs.quotedString(args, 0);
        ignores.add(GoText.toJava(path));
        if (!seenIgnores.add(path)) {
            redundant.add(line);
        }
    }
}
