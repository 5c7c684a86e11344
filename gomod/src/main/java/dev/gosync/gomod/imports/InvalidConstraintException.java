package dev.gosync.gomod.imports;

import dev.gosync.gomod.GosyncException;

/** A {@code //go:build} or {@code // +build} line whose expression does not parse. */
public final class InvalidConstraintException extends GosyncException {
    public InvalidConstraintException(String message) {
        super(message, "fix the build constraint (gofmt and go vet report the same problem)");
    }
}
