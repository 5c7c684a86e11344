/**
 * The gosync bundle: a signed, compressed tarball of module files in GOPROXY layout with a
 * manifest that describes and authenticates every entry. Filled in by the export issue.
 */
package dev.gosync.bundle;
