/**
 * The connected side's download cache: a directory in GOPROXY layout in front of a module source,
 * so that a second export of an overlapping closure fetches nothing twice and an interrupted one
 * starts again where it stopped, one whole file at a time.
 */
package dev.gosync.agent.cache;
