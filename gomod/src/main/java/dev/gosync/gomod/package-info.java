/**
 * Go-module semantics in plain Java, with no I/O beyond what a rule needs: module paths and
 * versions ({@code module}, {@code semver}), go.mod and go.work files ({@code modfile}), h1
 * hashes and go.sum ({@code dirhash}, {@code gosum}) and module zips ({@code zip}). Each rule
 * follows the go command and golang.org/x/mod, and differential tests hold it to them.
 *
 * <p>This package holds what they, and the modules built on them, share:
 * {@link dev.gosync.gomod.GoStrings} compares and quotes strings as Go does,
 * {@link dev.gosync.gomod.GoUtf8} decodes bytes as Go does (invalid UTF-8 included),
 * {@link dev.gosync.gomod.GoFields} splits and trims at Go's white space, and
 * {@link dev.gosync.gomod.GoUnicode} answers character questions with Go's Unicode tables, which
 * are newer than the JDK's.
 */
package dev.gosync.gomod;
