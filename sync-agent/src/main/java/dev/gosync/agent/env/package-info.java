/**
 * The go command's configuration as gosync sees it: GOPROXY, GONOPROXY, GOPRIVATE, GONOSUMDB,
 * GOSUMDB, GOINSECURE, GOFLAGS, GOAUTH and the paths, read from the process environment first
 * and from {@code go env -json} for whatever the environment leaves unset. No default names a
 * host: the go installation (or the user) supplies them.
 */
package dev.gosync.agent.env;
