/**
 * go.mod and go.work files, as golang.org/x/mod's {@code modfile} reads and writes them.
 *
 * <p>{@link dev.gosync.gomod.modfile.ModFile} parses a go.mod strictly (a main module, as
 * {@code go mod edit} does) or laxly (a dependency, as the go command reads those);
 * {@link dev.gosync.gomod.modfile.WorkFile} parses a go.work. Both give typed values and can
 * write the file in standard form, byte for byte what {@code go mod edit -fmt} and
 * {@code go work edit -fmt} write. Malformed files raise
 * {@link dev.gosync.gomod.modfile.ModFileException} with the go command's messages.
 *
 * <p>Inside, a lexer and parser build a syntax tree of lines, blocks and comments that knows no
 * directives; the directive parsers read it, rewriting tokens into canonical spelling as x/mod
 * does; the printer lays it out. Files are byte sequences that may hold invalid UTF-8, so text is
 * handled as raw bytes (see {@code GoText}) until it reaches the public API.
 */
package dev.gosync.gomod.modfile;
