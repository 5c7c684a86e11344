/**
 * Module zip files: checking a zip, a directory or a list of files against the rules of
 * golang.org/x/mod's {@code zip} package, and creating zips the go command accepts, with the same
 * files omitted (nested modules, vendored packages, links, VCS directories) and the same files
 * fatal (bad names, case collisions, oversize). Zips are read through their central directory
 * and written as a stream; the h1 hash is computed while the bytes flow.
 */
package dev.gosync.gomod.zip;
