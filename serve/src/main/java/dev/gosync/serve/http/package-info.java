/**
 * The GOPROXY protocol over HTTP from a mirror directory: a Netty server with zero-copy zips,
 * in-memory small files keyed by file identity, strict request-path validation, conditional and
 * range requests, TLS, access control, access log, metrics and graceful shutdown.
 */
package dev.gosync.serve.http;
