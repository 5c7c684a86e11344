/**
 * {@code gosync vendor}: a project's {@code vendor/} directory written from a mirror exactly as
 * {@code go mod vendor} (and {@code go work vendor}) of Go 1.26 writes it, every module checked
 * against go.sum on the way. {@link dev.gosync.serve.vendor.Vendorer} is the entry point.
 */
package dev.gosync.serve.vendor;
