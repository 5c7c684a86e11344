package dev.gosync.gomod.modfile;

/**
 * A place in a go.mod or go.work file.
 *
 * @param line   1-based line number, 0 for syntax made up by the formatter
 * @param column 1-based, counted in runes as Go does (each byte of invalid UTF-8 is one rune)
 * @param offset 0-based byte offset
 */
record Position(int line, int column, int offset) {
    static final Position NONE = new Position(0, 0, 0);

    /** The position one ASCII character further along the same line. */
    Position nextColumn() {
        return new Position(line, column + 1, offset + 1);
    }
}
