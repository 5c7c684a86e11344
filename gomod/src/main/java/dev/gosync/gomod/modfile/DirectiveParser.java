package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.modfile.DirectiveArgs.Problem;
import dev.gosync.gomod.modfile.DirectiveArgs.ReplaceArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the directives of a parsed go.mod or go.work file, and keeps what formatting needs.
 * Errors in one directive do not stop the others: all are reported together, in file order.
 * The directives both files know ({@code go}, {@code toolchain}, {@code godebug},
 * {@code replace}) live here; subclasses add the rest.
 */
abstract class DirectiveParser {
    final SyntaxFile syntax;
    private final List<ModFileError> errors = new ArrayList<>();
    /** Raw text, null when absent; likewise {@link #toolchain}. */
    String goVersion;
    String toolchain;
    final List<Godebug> godebugs = new ArrayList<>();
    final List<Replacement> replacements = new ArrayList<>();
    /** Duplicate lines, which formatting drops. */
    final Set<Line> redundant = new HashSet<>();
    private final List<Line> replaceLines = new ArrayList<>();
    private final List<List<String>> replaceKeys = new ArrayList<>();

    /** @throws ModFileException at a lexical or syntax error */
    DirectiveParser(String fileName, byte[] content) {
        syntax = SyntaxParser.parse(fileName, GoText.fromBytes(content));
    }

    /** Whether {@code verb (} may open a block. */
    abstract boolean isBlockVerb(String verb);

    /** Whether this parse skips the verb without a word (lax parsing of dependencies). */
    abstract boolean skips(String verb);

    /**
     * Reads one directive. Arguments write through to the syntax tree.
     *
     * @param block the enclosing block, or null
     * @throws Problem when the directive is malformed
     */
    abstract void directive(LineBlock block, Line line, String verb, List<String> args);

    /** Whether a block of an unknown type is an error rather than something to skip. */
    abstract boolean strict();

    /**
     * Reads every directive.
     *
     * @throws ModFileException listing every malformed directive
     */
    final void parseDirectives() {
        for (Expr stmt : syntax.statements) {
            if (stmt instanceof Line line) {
                add(null, line, line.tokens.get(0), line.tokens.subList(1, line.tokens.size()));
            } else if (stmt instanceof LineBlock block) {
                if (block.tokens.size() > 1 || !isBlockVerb(block.verb())) {
                    if (strict()) {
                        error(block.start(), "unknown block type: " + GoText.toJava(String.join(" ", block.tokens)));
                    }
                    continue;
                }
                for (Line line : block.lines) {
                    add(block, line, block.verb(), line.tokens);
                }
            }
        }
        markRedundantReplacements();
        if (!errors.isEmpty()) {
            throw new ModFileException(errors);
        }
    }

    private void add(LineBlock block, Line line, String verb, List<String> args) {
        if (skips(verb)) {
            return;
        }
        try {
            directive(block, line, verb, args);
        } catch (Problem p) {
            error(line.start(), p.getMessage());
        }
    }

    private void error(Position at, String message) {
        errors.add(new ModFileError(syntax.name, at.line(), at.column(), message));
    }

    /** The bytes {@code go mod edit -fmt} would write; consumes the syntax tree. */
    final byte[] format() {
        return StandardForm.format(syntax, redundant, goVersion);
    }

    static Problem unknownDirective(String verb) {
        return new Problem("unknown directive: " + GoText.toJava(verb));
    }

    /** @param laxVersion whether to accept a malformed version by cutting it to major.minor */
    final void go(List<String> args, boolean laxVersion) {
        if (goVersion != null) {
            throw new Problem("repeated go statement");
        }
        if (args.size() != 1) {
            throw new Problem("go directive expects exactly one argument");
        }
        String version = args.get(0);
        if (!DirectiveArgs.isGoVersion(version)) {
            Optional<String> cut = laxVersion ? DirectiveArgs.laxGoVersion(version) : Optional.empty();
            if (cut.isEmpty()) {
                throw new Problem("invalid go version '" + GoText.toJava(version) + "': must match format 1.23.0");
            }
            version = cut.get();
            args.set(0, version);
        }
        goVersion = version;
    }

    final void toolchain(List<String> args) {
        if (toolchain != null) {
            throw new Problem("repeated toolchain statement");
        }
        if (args.size() != 1) {
            throw new Problem("toolchain directive expects exactly one argument");
        }
        if (!DirectiveArgs.isToolchain(args.get(0))) {
            throw new Problem("invalid toolchain version '" + GoText.toJava(args.get(0))
                    + "': must match format go1.23.0 or default");
        }
        toolchain = args.get(0);
    }

    final void godebug(List<String> args) {
        String setting = args.size() == 1 ? args.get(0) : null;
        if (setting == null || setting.indexOf('=') < 0 || containsAny(setting, "\"`',")) {
            throw new Problem("usage: godebug key=value");
        }
        int eq = setting.indexOf('=');
        godebugs.add(new Godebug(GoText.toJava(setting.substring(0, eq)), GoText.toJava(setting.substring(eq + 1))));
    }

    final void replace(String verb, Line line, List<String> args) {
        ReplaceArgs r = DirectiveArgs.replacement(verb, args);
        replacements.add(r.decode());
        replaceLines.add(line);
        replaceKeys.add(List.of(r.oldPath(), r.oldVersion()));
    }

    /** The last replacement of a module (and version) wins; earlier ones are redundant. */
    private void markRedundantReplacements() {
        Set<List<String>> seen = new HashSet<>();
        for (int i = replaceLines.size() - 1; i >= 0; i--) {
            if (!seen.add(replaceKeys.get(i))) {
                redundant.add(replaceLines.get(i));
            }
        }
    }

    static boolean containsAny(String raw, String chars) {
        return raw.chars().anyMatch(c -> chars.indexOf(c) >= 0);
    }

    static ModuleVersion moduleVersion(String rawPath, String rawVersion) {
        return new ModuleVersion(GoText.toJava(rawPath), GoText.toJava(rawVersion));
    }
}
