package dev.gosync.gomod.imports;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file directly in a package directory, by name, with its content read on demand (most files
 * are only looked at by name).
 */
public record SourceFile(String name, Supplier<byte[]> content) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** A file whose content is already in memory. */
    public static SourceFile of(String name, byte[] content) {
        return new SourceFile(name, () -> content);
    }

    boolean isGo() {
        return name.endsWith(".go");
    }

    boolean isTest() {
        return name.endsWith("_test.go");
    }

    /** Names starting with {@code _} or {@code .} are never part of a package. */
    boolean isHidden() {
        return name.startsWith("_") || name.startsWith(".");
    }
}
