/**
 * The bundle manifest: what a bundle holds and where it came from, its canonical JSON form
 * and the bundle id derived from it, the rules for file paths, and redaction of credentials
 * from source URLs.
 */
package dev.gosync.bundle.manifest;
