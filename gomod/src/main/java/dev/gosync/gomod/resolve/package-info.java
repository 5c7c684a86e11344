/**
 * Resolving a project's module graph as the go command does, from go.mod files alone.
 *
 * <p>{@link dev.gosync.gomod.resolve.MainModules} reads the project (a go.mod, or a go.work and
 * its modules); {@link dev.gosync.gomod.resolve.Resolver} loads the graph through a
 * {@link dev.gosync.gomod.resolve.GoModFetcher} and returns a
 * {@link dev.gosync.gomod.resolve.Resolution}: the build list exactly as {@code go list -m all}
 * prints it, the go.mod files read on the way, and a {@link dev.gosync.gomod.resolve.Plan} of the
 * files a mirror must hold, each with the reason it is needed. Explicit queries
 * ({@code path@latest}, {@code path@v1.2}, …) go through {@link dev.gosync.gomod.resolve.QueryResolver}
 * first.
 *
 * <p>What the differential tests established against go 1.26.8 (fresh module cache, HTTP proxy
 * logging every request):
 * <ul>
 *   <li>{@code go mod graph} fetches exactly the {@code .mod} files of
 *       {@link dev.gosync.gomod.resolve.Resolution#goModsFetched()}, and no {@code .info} or zip.</li>
 *   <li>{@code go list -m all} fetches those too, plus the {@code .info} of every build-list module
 *       and the {@code .mod} of build-list modules whose go.mod the graph did not read (it reports
 *       their go version); no zip. For a replaced module it fetches the replacement's files.</li>
 *   <li>{@code go mod download -json path@latest} outside a module fetches the list, then only the
 *       chosen version's {@code .info}, {@code .mod} and zip: no go.mod of its requirements. Even
 *       {@code go install path@version} reads no other go.mod when the package imports nothing
 *       (lazy loading). A consumer that uses the module more fully needs its requirements' go.mod
 *       files, so the closure of a query is the module's whole graph taken as main module.</li>
 * </ul>
 *
 * <p>Deliberate differences from the go command: the plan adds the {@code .info} of versions only
 * read for their go.mod (a mirror lists every version it holds); an inconsistent main go.mod is
 * resolved as {@code -mod=mod} would fix it rather than refused as {@code -mod=readonly} would
 * (see {@link dev.gosync.gomod.resolve.Resolution#rootsUpdated()}). Not modelled: branch names or
 * hashes in a main go.mod (the go command resolves and rewrites them), toolchain switching and
 * "requires go &gt;= …" errors, vendor directories, and package-level loading ({@code go mod tidy}
 * adding test dependencies of dependencies).
 */
package dev.gosync.gomod.resolve;
