/**
 * From a module path to the repository holding it, as the go command's direct mode finds it
 * ({@code cmd/go/internal/vcs}): the static rules for well-known code hosts and for paths with a
 * version-control qualifier ({@link dev.gosync.agent.discovery.CodeHostRules}), {@code ?go-get=1}
 * discovery of {@code <meta name="go-import">} tags ({@link dev.gosync.agent.discovery.ImportDiscovery},
 * {@link dev.gosync.agent.discovery.MetaImports}), and the GOVCS policy
 * ({@link dev.gosync.agent.discovery.Govcs}). {@link dev.gosync.agent.discovery.RepoRootFinder}
 * puts them together; error messages are the go command's.
 */
package dev.gosync.agent.discovery;
