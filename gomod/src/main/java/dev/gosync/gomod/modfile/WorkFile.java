package dev.gosync.gomod.modfile;

import java.util.List;
import java.util.Optional;

/**
 * A parsed go.work file: {@code go}, {@code toolchain}, {@code godebug}, {@code use} and
 * {@code replace} directives, read strictly. Values are unquoted and decoded from UTF-8 (invalid
 * bytes read as U+FFFD); lists keep file order and duplicates. Immutable.
 */
public final class WorkFile {
    private final String fileName;
    private final byte[] content;
    private final Optional<String> goVersion;
    private final Optional<String> toolchain;
    private final List<Godebug> godebugs;
    private final List<String> uses;
    private final List<Replacement> replacements;

    private WorkFile(String fileName, byte[] content) {
        this.fileName = fileName;
        this.content = content.clone();
        WorkFileParser p = WorkFileParser.parse(fileName, this.content);
        goVersion = Optional.ofNullable(p.goVersion).map(GoText::toJava);
        toolchain = Optional.ofNullable(p.toolchain).map(GoText::toJava);
        godebugs = List.copyOf(p.godebugs);
        uses = List.copyOf(p.uses);
        replacements = List.copyOf(p.replacements);
    }

    /**
     * Parses a go.work file as the go command does.
     *
     * @param fileName used in error messages only
     * @throws ModFileException listing what is wrong, each with file, line and column
     */
    public static WorkFile parse(String fileName, byte[] content) {
        return new WorkFile(fileName, content);
    }

    public String fileName() {
        return fileName;
    }

    /** The {@code go} version; empty when absent, which the go command reads as 1.18. */
    public Optional<String> goVersion() {
        return goVersion;
    }

    public Optional<String> toolchain() {
        return toolchain;
    }

    public List<Godebug> godebugs() {
        return godebugs;
    }

    /** The module directories of the workspace, as written (relative to the go.work directory unless rooted). */
    public List<String> uses() {
        return uses;
    }

    /** In file order; these override every replacement in the workspace modules. */
    public List<Replacement> replacements() {
        return replacements;
    }

    /**
     * The file in standard form, byte for byte what {@code go work edit -fmt} writes (see
     * {@link ModFile#format()}; only {@code replace} lines are deduplicated here).
     */
    public byte[] format() {
        return WorkFileParser.parse(fileName, content).format();
    }
}
