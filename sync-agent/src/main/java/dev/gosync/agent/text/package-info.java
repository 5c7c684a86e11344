/**
 * Go's rules for splitting text that arrives as bytes (a {@code .netrc} file, a proxy's
 * {@code @v/list}), kept byte-exact so that credentials and versions come out as Go reads them.
 */
package dev.gosync.agent.text;
