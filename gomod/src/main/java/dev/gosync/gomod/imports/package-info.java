/**
 * Go source files as the go command reads them before compiling anything: the package clause
 * and imports ({@link dev.gosync.gomod.imports.ImportScan}), build constraints
 * ({@link dev.gosync.gomod.imports.BuildLines}, {@link dev.gosync.gomod.imports.Constraint}),
 * the "any tags" configuration of {@code go mod vendor} and {@code go mod tidy}
 * ({@link dev.gosync.gomod.imports.AnyTags}), {@code //go:embed} patterns
 * ({@link dev.gosync.gomod.imports.EmbedDirectives}), a directory's imports
 * ({@link dev.gosync.gomod.imports.PackageScan}) and which files vendoring copies
 * ({@link dev.gosync.gomod.imports.VendorFiles}). Pure functions over bytes; the differential
 * tests hold them to {@code go/build} and {@code go/build/constraint}.
 */
package dev.gosync.gomod.imports;
