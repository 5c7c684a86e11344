package dev.gosync.gomod.modfile;

import dev.gosync.gomod.modfile.DirectiveArgs.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The directives of a go.work file (x/mod's {@code ParseWork}), always read strictly. */
final class WorkFileParser extends DirectiveParser {
    private static final Set<String> BLOCK_VERBS = Set.of("godebug", "use", "replace");

    final List<String> uses = new ArrayList<>();

    private WorkFileParser(String fileName, byte[] content) {
        super(fileName, content);
    }

    /** @throws ModFileException when the file is malformed */
    static WorkFileParser parse(String fileName, byte[] content) {
        WorkFileParser parser = new WorkFileParser(fileName, content);
        parser.parseDirectives();
        return parser;
    }

    @Override
    boolean isBlockVerb(String verb) {
        return BLOCK_VERBS.contains(verb);
    }

    @Override
    boolean skips(String verb) {
        return false;
    }

    @Override
    boolean strict() {
        return true;
    }

    @Override
    void directive(LineBlock block, Line line, String verb, List<String> args) {
        switch (verb) {
            case "go" -> go(args, false);
            case "toolchain" -> toolchain(args);
            case "godebug" -> godebug(args);
            case "use" -> use(args);
            case "replace" -> replace(verb, line, args);
            default -> throw unknownDirective(verb);
        }
    }

    private void use(List<String> args) {
        if (args.size() != 1) {
            throw new Problem("usage: use local/dir");
        }
        uses.add(GoText.toJava(DirectiveArgs.quotedString(args, 0)));
    }
}
