/**
 * The h1 hash ({@code Hash1}) that go.sum files and the checksum database record for module zips
 * and go.mod files: a SHA-256 over a sorted summary of per-file SHA-256 digests. File contents
 * are hashed as they stream past; no file or zip is held in memory.
 */
package dev.gosync.gomod.dirhash;
