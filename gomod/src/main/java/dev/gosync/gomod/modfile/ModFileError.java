package dev.gosync.gomod.modfile;

/**
 * One problem found in a go.mod or go.work file.
 *
 * @param fileName the name the file was parsed under
 * @param line     1-based
 * @param column   1-based, counted in runes (each byte of invalid UTF-8 is one); a problem with a
 *                 directive is placed where its line starts
 * @param message  what is wrong, starting with the directive and module path when there are any
 */
public record ModFileError(String fileName, int line, int column, String message) {
    /**
     * The problem worded as the go command words it, such as {@code go.mod:3: unknown directive: foo}
     * or {@code go.mod:4:2: usage: require module/path v1.2.3}: like the go command, this leaves
     * out column 1.
     */
    @Override
    public String toString() {
        String column = this.column > 1 ? ":" + this.column : "";
        return fileName + ":" + line + column + ": " + message;
    }
}
