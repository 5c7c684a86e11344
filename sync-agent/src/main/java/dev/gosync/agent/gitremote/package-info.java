/**
 * Remote git repositories, reached with JGit: bare mirrors kept in a cache and brought up to date
 * by incremental fetches ({@link dev.gosync.agent.gitremote.MirrorCache}), credentials for https and
 * ssh ({@link dev.gosync.agent.gitremote.RemoteAccess}), and a JGit that reads no git configuration
 * of its own and never starts git ({@link dev.gosync.agent.gitremote.IsolatedJGit}).
 */
package dev.gosync.agent.gitremote;
