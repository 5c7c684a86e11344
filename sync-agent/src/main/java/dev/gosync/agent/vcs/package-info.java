/**
 * Git repositories as module sources, seen exactly as the go command's direct mode sees them:
 * tags become versions, untagged commits pseudo-versions, and module zips hold what
 * {@code git archive} writes, {@code .gitattributes} conversions included.
 * {@link dev.gosync.agent.vcs.GitRepoSource} is the entry point; the package-private classes
 * follow the go command's {@code modfetch} ({@code codeRepo}: {@link dev.gosync.agent.vcs.CodeRepo})
 * and {@code codehost} ({@code gitRepo}: {@link dev.gosync.agent.vcs.GitRepo}) layers.
 */
package dev.gosync.agent.vcs;
