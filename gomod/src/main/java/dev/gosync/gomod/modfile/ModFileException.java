package dev.gosync.gomod.modfile;

import dev.gosync.gomod.GosyncException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A go.mod or go.work file that cannot be parsed: a lexical or syntax error (always exactly one,
 * as parsing stops there), or every directive that breaks a rule. The message lists them one per
 * line, as the go command does.
 */
public class ModFileException extends GosyncException {
    private final List<ModFileError> errors;

    ModFileException(List<ModFileError> errors) {
        super(errors.stream().map(ModFileError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The problems in file order; never empty. */
    public List<ModFileError> errors() {
        return errors;
    }
}
