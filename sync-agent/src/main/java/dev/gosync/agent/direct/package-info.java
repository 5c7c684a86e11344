/**
 * Direct mode: modules fetched straight from their git repositories, as the go command does with
 * {@code GOPROXY=direct} or for GONOPROXY/GOPRIVATE modules. {@link dev.gosync.agent.direct.DirectSource}
 * puts together repository discovery, the user's URL rewriting, {@code --vcs-map} mappings, the
 * GOVCS policy, cached mirrors and {@link dev.gosync.agent.vcs.GitRepoSource};
 * {@link dev.gosync.agent.direct.DirectMode} is how an export gets one.
 */
package dev.gosync.agent.direct;
