/**
 * {@code gosync export} as a library: resolve projects and module queries like the go command,
 * fetch every file the isolated side needs through the download cache, check each against
 * go.sum and the module zip rules, and write them into one bundle, full or incremental.
 * {@link dev.gosync.agent.export.Exporter} is the composition; the command line only parses
 * flags into an {@link dev.gosync.agent.export.ExportRequest} and renders the
 * {@link dev.gosync.agent.export.ExportListener} events and the
 * {@link dev.gosync.agent.export.ExportResult}.
 */
package dev.gosync.agent.export;
