/**
 * Semantic versions as Go modules spell and order them ({@link dev.gosync.gomod.semver.Semver}),
 * and the pseudo-versions Go makes for untagged commits
 * ({@link dev.gosync.gomod.semver.PseudoVersion}), following golang.org/x/mod.
 */
package dev.gosync.gomod.semver;
