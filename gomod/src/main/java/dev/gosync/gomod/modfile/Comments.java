package dev.gosync.gomod.modfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The comments attached to one piece of syntax; the lists are edited in place while parsing and
 * formatting. Whole-line comments always belong to what follows them (a statement, a block line,
 * a closing parenthesis, or a comment block of their own), so nothing has comments "after" it.
 */
final class Comments {
    /** Whole-line comments above. */
    final List<Comment> before = new ArrayList<>();
    /** End-of-line comments. */
    final List<Comment> suffix = new ArrayList<>();
}
