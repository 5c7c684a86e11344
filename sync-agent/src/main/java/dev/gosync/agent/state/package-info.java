/**
 * The connected side's incremental state: which files each channel has shipped, and where its
 * next bundle continues the chain (parent id, sequence number).
 *
 * <p>{@link dev.gosync.agent.state.ExportState} keeps that in an SQLite file
 * ({@link dev.gosync.agent.state.StateLocation} has the default place, {@code --state} another);
 * {@link dev.gosync.agent.state.SinceBundle} derives it from a previous bundle without any state.
 * Both give an {@link dev.gosync.agent.state.IncrementalPlan}, which sorts an export's files into
 * those to ship, those already shipped and conflicts: a path shipped before with other content,
 * which an export must refuse because module versions never change.
 */
package dev.gosync.agent.state;
