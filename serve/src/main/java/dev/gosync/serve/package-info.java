/**
 * The isolated side: importing bundles into a mirror directory, serving it with the GOPROXY
 * protocol and writing vendor directories from it. Filled in by the isolated-side issue.
 */
package dev.gosync.serve;
