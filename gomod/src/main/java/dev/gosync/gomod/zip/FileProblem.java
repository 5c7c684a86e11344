package dev.gosync.gomod.zip;

/** A file left out of a module zip, or one that makes it invalid, and why (x/mod's {@code FileError}). */
public record FileProblem(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
