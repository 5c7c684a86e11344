/**
 * The parts of the user's git configuration that decide where direct mode fetches from: which
 * files git reads ({@link dev.gosync.agent.gitconfig.GitConfigFiles}) and the
 * {@code url.<base>.insteadOf} rewriting it applies to repository URLs
 * ({@link dev.gosync.agent.gitconfig.UrlRewrites}). Files are parsed with JGit; their locations are
 * found the way git finds them, without running git.
 */
package dev.gosync.agent.gitconfig;
