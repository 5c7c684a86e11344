/**
 * The connected side: resolving a project's module graph as the go command does, fetching module
 * files from GOPROXY proxies or git, and exporting them as a bundle. Filled in by the export and
 * direct-mode issues.
 */
package dev.gosync.agent;
