package dev.gosync.gomod.gosum;

/**
 * One line of a go.sum file: {@code path version hash}, where version ends in {@code /go.mod}
 * for the hash of the module's go.mod file and is the bare version for the hash of its zip.
 */
public record GoSumLine(String path, String version, String hash) {
    /** The line as the go command writes it, newline included. */
    @Override
    public String toString() {
        return path + " " + version + " " + hash + "\n";
    }
}
