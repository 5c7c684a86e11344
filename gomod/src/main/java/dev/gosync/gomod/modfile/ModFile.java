package dev.gosync.gomod.modfile;

import dev.gosync.gomod.module.ModuleVersion;
import java.util.List;
import java.util.Optional;

/**
 * A parsed go.mod file. Values are as the file states them after x/mod's normalization:
 * unquoted, with canonical versions in {@code require}, {@code exclude} and {@code replace}.
 * Lists keep file order and duplicates. Text is decoded from UTF-8; bytes that are not valid
 * UTF-8 read as U+FFFD.
 *
 * <p>Immutable; {@link #format()} works from the original bytes.
 */
public final class ModFile {
    private final String fileName;
    private final byte[] content;
    private final boolean lax;
    private final Optional<String> modulePath;
    private final Optional<String> deprecation;
    private final Optional<String> goVersion;
    private final Optional<String> toolchain;
    private final List<Godebug> godebugs;
    private final List<Requirement> requirements;
    private final List<ModuleVersion> exclusions;
    private final List<Replacement> replacements;
    private final List<Retraction> retractions;
    private final List<String> tools;
    private final List<String> ignores;

    private ModFile(String fileName, byte[] content, boolean lax) {
        this.fileName = fileName;
        this.content = content.clone();
        this.lax = lax;
        ModFileParser p = ModFileParser.parse(fileName, this.content, lax);
        modulePath = Optional.ofNullable(p.modulePath).map(GoText::toJava);
        deprecation = Optional.of(p.deprecation).filter(d -> !d.isEmpty()).map(GoText::toJava);
        goVersion = Optional.ofNullable(p.goVersion).map(GoText::toJava);
        toolchain = Optional.ofNullable(p.toolchain).map(GoText::toJava);
        godebugs = List.copyOf(p.godebugs);
        requirements = List.copyOf(p.requirements);
        exclusions = List.copyOf(p.exclusions);
        replacements = List.copyOf(p.replacements);
        retractions = List.copyOf(p.retractions);
        tools = List.copyOf(p.tools);
        ignores = List.copyOf(p.ignores);
    }

    /**
     * Parses the go.mod file of a main module, as {@code go mod edit} does: every directive must
     * be known and well formed, and versions must be valid semantic versions (they are
     * canonicalized: {@code v1.2} reads as {@code v1.2.0}).
     *
     * @param fileName used in error messages only
     * @throws ModFileException listing what is wrong, each with file, line and column
     */
    public static ModFile parse(String fileName, byte[] content) {
        return new ModFile(fileName, content, false);
    }

    /**
     * Parses the go.mod file of a dependency, as the go command does: only {@code module},
     * {@code go}, {@code require}, {@code retract} and {@code ignore} are read; other directives,
     * known or not ({@code exclude}, {@code replace}, {@code toolchain}, {@code godebug},
     * {@code tool}), are skipped unchecked and their accessors stay empty. A malformed
     * {@code go} version with a usable major.minor is cut to it ({@code 1.21beta} reads as
     * {@code 1.21}); a malformed retraction is skipped. Syntax errors still fail.
     *
     * @throws ModFileException listing what is wrong
     */
    public static ModFile parseLax(String fileName, byte[] content) {
        return new ModFile(fileName, content, true);
    }

    public String fileName() {
        return fileName;
    }

    /** Whether this file was read with {@link #parseLax}. */
    public boolean isLax() {
        return lax;
    }

    /** The {@code module} path; may be present but empty, as x/mod does not check it. */
    public Optional<String> modulePath() {
        return modulePath;
    }

    /**
     * The deprecation message: the rest of the first comment paragraph on the {@code module}
     * directive that starts with {@code Deprecated:}. Empty when there is none or it says nothing.
     */
    public Optional<String> deprecation() {
        return deprecation;
    }

    /** The {@code go} language version, such as {@code 1.21} or {@code 1.21.3}; empty when absent. */
    public Optional<String> goVersion() {
        return goVersion;
    }

    /** The {@code toolchain} name, such as {@code go1.21.3} or {@code default}; empty when absent. */
    public Optional<String> toolchain() {
        return toolchain;
    }

    public List<Godebug> godebugs() {
        return godebugs;
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public List<ModuleVersion> exclusions() {
        return exclusions;
    }

    /** In file order; where several replace one module (and version) the last one counts. */
    public List<Replacement> replacements() {
        return replacements;
    }

    public List<Retraction> retractions() {
        return retractions;
    }

    /** The {@code tool} package paths. */
    public List<String> tools() {
        return tools;
    }

    /** The {@code ignore} directory paths. */
    public List<String> ignores() {
        return ignores;
    }

    /**
     * The file in standard form, byte for byte what {@code go mod edit -fmt} writes: canonical
     * spacing and quoting, canonical versions, duplicate {@code exclude}, {@code replace},
     * {@code tool} and {@code ignore} lines removed, block lines sorted, empty blocks removed and
     * single-line blocks turned into plain lines; comments are kept, except those on the
     * parentheses of a block that becomes a plain line.
     *
     * @throws IllegalStateException for a file read with {@link #parseLax}: the go command never
     *                               formats those, and their unchecked lines have no defined order
     */
    public byte[] format() {
        if (lax) {
            throw new IllegalStateException("only a strictly parsed go.mod can be formatted, not " + fileName);
        }
        return ModFileParser.parse(fileName, content, false).format();
    }
}
