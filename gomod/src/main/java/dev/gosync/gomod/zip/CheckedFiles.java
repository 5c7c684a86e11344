package dev.gosync.gomod.zip;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which files belong in a module zip, which are left out and which make it invalid, each with a
 * reason (x/mod's {@code CheckedFiles}). Every file examined is in at most one list.
 *
 * @param valid     paths that go into (or are in) the zip
 * @param omitted   files silently left out: nested modules, vendored packages, links, …
 * @param invalid   files that make the zip invalid
 * @param sizeError set when the zip or its content exceeds the size limit
 */
public record CheckedFiles(List<String> valid, List<FileProblem> omitted, List<FileProblem> invalid,
                           Optional<String> sizeError) {
    public CheckedFiles {
        valid = List.copyOf(valid);
        omitted = List.copyOf(omitted);
        invalid = List.copyOf(invalid);
    }

    /** Whether these files make a valid module zip. */
    public boolean isValid() {
        return error().isEmpty();
    }

    /** Why the files do not make a valid module zip, as x/mod's {@code Err}: the size error, else one line per invalid file. */
    public Optional<String> error() {
        if (sizeError.isPresent()) {
            return sizeError;
        }
        if (!invalid.isEmpty()) {
            return Optional.of(invalid.stream().map(FileProblem::toString).collect(Collectors.joining("\n")));
        }
        return Optional.empty();
    }
}
