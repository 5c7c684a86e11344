/**
 * Checks of downloaded module files against recorded checksums: the h1 hashes of go.sum files
 * now, a checksum database later. Every check goes through {@link ChecksumVerifier}, so the
 * export does not change when another kind of record is added.
 */
package dev.gosync.agent.checksum;
