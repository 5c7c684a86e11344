/**
 * Credentials for module proxies, found the way the go command finds them: GOAUTH selects the
 * sources ({@code netrc} by default, or {@code off}), {@code .netrc} entries are looked up by URL
 * prefix, and credentials go out only over https unless a caller explicitly allows plain http to
 * this machine (see {@link dev.gosync.agent.auth.AuthConfig}).
 */
package dev.gosync.agent.auth;
