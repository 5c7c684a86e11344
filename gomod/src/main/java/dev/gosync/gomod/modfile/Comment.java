package dev.gosync.gomod.modfile;

/**
 * One {@code //} comment, as raw text without its line ending; or, with empty text, the marker
 * of a blank line inside a block, which the printer keeps.
 *
 * @param suffix whether it ends a line that holds tokens, rather than filling a line alone
 */
record Comment(Position start, String text, boolean suffix) {
    static final Comment BLANK_LINE = new Comment(Position.NONE, "", false);

    boolean isBlankLine() {
        return text.isEmpty();
    }
}
