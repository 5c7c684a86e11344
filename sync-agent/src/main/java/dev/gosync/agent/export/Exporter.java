package dev.gosync.agent.export;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.auth.GoAuth;
import dev.gosync.agent.cache.CacheLocation;
import dev.gosync.agent.cache.CachedFile;
import dev.gosync.agent.cache.FileContent;
import dev.gosync.agent.cache.DownloadCache;
import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.checksum.GoSumVerifier;
import dev.gosync.agent.direct.DirectContext;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyChain;
import dev.gosync.agent.proxy.ProxyClient;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.gomod.resolve.GoModFetcher;
import dev.gosync.gomod.resolve.MainModules;
import dev.gosync.gomod.resolve.Plan;
import dev.gosync.gomod.resolve.QueryResolver;
import dev.gosync.gomod.resolve.Resolution;
import dev.gosync.gomod.resolve.Resolver;
import dev.gosync.agent.state.IncrementalPlan;
import dev.gosync.agent.state.Selection;
import dev.gosync.bundle.archive.BundleBody;
import dev.gosync.bundle.archive.BundleWriter;
import dev.gosync.bundle.archive.WrittenBundle;
import dev.gosync.bundle.manifest.CreationTime;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.manifest.Redaction;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gosync export}: the composition of resolver, proxy chain, download cache, checks,
 * incremental state and bundle writer.
 *
 * <ol>
 *   <li>The proxy chain comes from the go command's settings, GOPROXY replaced by the request's
 *       proxy list if it has one; the download cache sits in front of it.</li>
 *   <li>Every input is resolved like the go command resolves it, reading go.mod files through the
 *       cache; the plans are merged: {@code .info}, {@code .mod} and {@code .zip} for the build
 *       lists and queried modules, {@code .info} and {@code .mod} for every other go.mod read.</li>
 *   <li>The plan's files are fetched in parallel into the cache; each is checked on the way (zip
 *       rules, revision info, h1 against the projects' go.sum files and any further
 *       {@link ChecksumVerifier}). Any failure stops the export before a bundle exists.</li>
 *   <li>An incremental export leaves out what its channel shipped before. The files go into the
 *       bundle while later ones are still being fetched (see {@link BundleBody}); the manifest is
 *       put in front at the end, and only then is the bundle recorded in the state file.</li>
 * </ol>
 *
 * <p>The same inputs, cache content and {@code SOURCE_DATE_EPOCH} give a byte-identical bundle.
 * Version lists ({@code @v/list}) are never shipped: the import derives them from what it holds.
 */
public final class Exporter {
    private final ExportSettings settings;

    public Exporter(ExportSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the export.
     *
     * @throws GosyncException for every failure the user can act on: a project that cannot be read,
     *     a module that cannot be fetched, a checksum mismatch, a bundle that cannot be written
     */
    public ExportResult export(ExportRequest request, ExportListener listener) {
        long start = System.nanoTime();
        if (!request.dryRun() && Files.exists(request.output())) {
            throw new GosyncException("the bundle " + request.output() + " exists already",
                    "choose another output name, or remove the old bundle");
        }
        List<Target> targets = open(request.inputs());
        try (BundleChain channel = BundleChain.open(request.channel(), request.dryRun());
             SourceCloser closer = new SourceCloser()) {
            GoEnvironment env = request.proxy().map(p -> settings.goEnvironment().with("GOPROXY", p))
                    .orElse(settings.goEnvironment());
            Path cacheDir = request.cacheDir().orElseGet(this::defaultCacheDir);
            ProxyClient client = proxyClient(env);
            ModuleSource direct = settings.direct().open(new DirectContext(env, settings.environment(), settings.home(),
                    settings.osName(), client, cacheDir));
            closer.register(direct);
            ProxyChain chain = ProxyChain.fromEnvironment(env, client, direct);
            String source = Redaction.redact(chain.describe());
            List<Path> goSums = targets.stream().flatMap(t -> t.goSums().stream()).toList();
            ChecksumVerifier verifier = ChecksumVerifier.all(List.of(GoSumVerifier.read(goSums), settings.checksums()));
            DownloadCache cache = DownloadCache.open(cacheDir, chain,
                    verifier, settings.client().retry(), listener);

            listener.phase(ExportListener.Phase.RESOLVE);
            Plan plan = resolve(targets, cache, request.jobs(), listener);
            cache.flush();
            List<ParallelFetch.Want> wanted = new ArrayList<>();
            plan.files().forEach((module, kinds) -> kinds.forEach(kind -> wanted.add(new ParallelFetch.Want(module, kind))));
            // The bundle's order: the manifest sorts its files by path.
            wanted.sort(Comparator.comparing(w -> relativePath(w.module(), w.kind())));
            int cachedBefore = (int) wanted.stream().filter(w -> cache.has(w.module(), w.kind())).count();
            listener.planned(plan.files().size(), wanted.size(), cachedBefore);
            long resolved = System.nanoTime();
            if (request.dryRun()) {
                return dryRun(plan, cache, channel.plan(), source, resolved - start, cache.checkTime(),
                        System.nanoTime() - start);
            }

            listener.phase(ExportListener.Phase.FETCH);
            Instant created = CreationTime.resolve(settings.environment(), settings.clock());
            BundleWriter writer = writer(request);
            List<FileRow> rows = new ArrayList<>();
            List<CachedFile> files;
            WrittenBundle written;
            Manifest manifest;
            Selection selection;
            long fetched;
            // The files' temporary frame stays in the cache, so the output medium needs room for the bundle once.
            try (BundleBody body = writer.begin(request.output(), created, cache.scratchDir())) {
                // Each file goes into the bundle as soon as it and those before it are fetched and
                // checked, in manifest order (by path), while later ones are still being fetched.
                files = ParallelFetch.fetch(cache, wanted, request.jobs(), file -> {
                    FileRow row = new FileRow(file.relativePath(), file.size(), file.sha256(), file.h1());
                    rows.add(row);
                    if (!channel.plan().select(List.of(row)).toShip().isEmpty()) {
                        addToBundle(body, cache, file, row);
                    }
                });
                fetched = System.nanoTime();

                listener.phase(ExportListener.Phase.WRITE);
                selection = channel.plan().select(rows).requireNoConflicts();
                manifest = channel.plan().applyTo(Manifest.builder())
                        .created(created)
                        .tool(settings.tool())
                        .signature(writer.signatureScheme())
                        .sources(List.of(source))
                        .files(selection.toShip())
                        .build();
                written = body.finish(manifest);
            }
            channel.record(manifest, request.output());
            long end = System.nanoTime();

            List<CachedFile> downloaded = files.stream().filter(CachedFile::downloaded).toList();
            Timings timings = new Timings(Duration.ofNanos(resolved - start), Duration.ofNanos(fetched - resolved),
                    cache.checkTime(), Duration.ofNanos(end - fetched), Duration.ofNanos(end - start));
            return new ExportResult(false, Optional.of(written.bundleId()), written.files(), written.compressedBytes(),
                    manifest.channel(), manifest.sequence(), Optional.ofNullable(manifest.parent()),
                    manifest.files().size(), manifest.totalSize(), selection.alreadyShipped().size(),
                    downloaded.size(), downloaded.stream().mapToLong(CachedFile::size).sum(), manifest.sources(),
                    rows(plan, sizes(files), downloadedPaths(downloaded)), timings);
        }
    }

    /** A project's main modules, the go.sum files that record its hashes, or a query. */
    private record Target(ExportInput input, MainModules mains, List<Path> goSums) {
    }

    /** Projects opened as the go command opens them there, a parent go.work and GOWORK included. */
    private List<Target> open(List<ExportInput> inputs) {
        List<Target> targets = new ArrayList<>();
        for (ExportInput input : inputs) {
            if (input instanceof ExportInput.Project project) {
                MainModules mains = MainModules.open(project.dir(), settings.environment().get("GOWORK"));
                targets.add(new Target(input, mains, mains.goSumFiles()));
            } else {
                targets.add(new Target(input, null, List.of()));
            }
        }
        return targets;
    }

    private ProxyClient proxyClient(GoEnvironment env) {
        ProxyClientSettings client = settings.client();
        AuthConfig auth = new AuthConfig(GoAuth.fromEnvironment(env), client.auth().plainHttpToLoopback());
        return ProxyClient.create(client.withAuth(auth));
    }

    private static Plan resolve(List<Target> targets, DownloadCache cache, int jobs, ExportListener listener) {
        Resolver resolver = new Resolver(GoModFetcher.of(cache)).parallelism(jobs);
        QueryResolver queries = new QueryResolver(cache);
        List<Plan> plans = new ArrayList<>();
        for (Target target : targets) {
            Resolution resolution = target.input() instanceof ExportInput.Query query
                    ? resolver.resolve(queries.resolve(query.query()))
                    : resolver.resolve(target.mains());
            plans.add(resolution.plan());
            listener.resolved(target.input(), resolution.plan().files().size());
        }
        return Plan.merge(plans);
    }

    /**
     * Copies a fetched file into the bundle. A zip whose SHA-256 was computed moments ago from the
     * very bytes opened now (same size, modification time and inode) is not hashed again; any
     * other file is hashed as it is copied and must match its row.
     */
    private static void addToBundle(BundleBody body, DownloadCache cache, CachedFile file, FileRow row) {
        FileContent content;
        try {
            content = cache.open(file);
        } catch (IOException e) {
            throw new GosyncException("cannot read " + file.file() + " from the download cache for the bundle: " + e,
                    "check the disk, and export again", e);
        }
        if (content.digested()) {
            body.addDigested(row, content.stream());
        } else {
            body.add(row, content.stream());
        }
    }

    private BundleWriter writer(ExportRequest request) {
        BundleWriter writer = request.signingKey()
                .map(key -> BundleWriter.signedBy(SshSigSigner.fromKeyFile(key)))
                .orElseGet(BundleWriter::unsigned)
                .withCompression(request.compression());
        return request.splitSize() > 0 ? writer.withPartSize(request.splitSize()) : writer;
    }

    private static Map<String, Long> sizes(List<CachedFile> files) {
        Map<String, Long> sizes = new HashMap<>();
        files.forEach(f -> sizes.put(f.relativePath(), f.size()));
        return sizes;
    }

    private static Set<String> downloadedPaths(List<CachedFile> downloaded) {
        return downloaded.stream().map(CachedFile::relativePath).collect(Collectors.toSet());
    }

    private Path defaultCacheDir() {
        return CacheLocation.defaultDir(settings.environment(), settings.osName(), settings.home());
    }

    private static ExportResult dryRun(Plan plan, DownloadCache cache, IncrementalPlan next, String source,
                                       long resolveNanos, Duration check, long totalNanos) {
        Map<String, Long> sizes = new HashMap<>();
        int files = 0;
        for (Map.Entry<ModuleVersion, Set<LayoutPath.Kind>> module : plan.files().entrySet()) {
            for (LayoutPath.Kind kind : module.getValue()) {
                files++;
                Path file = cache.path(module.getKey(), kind);
                if (Files.isRegularFile(file)) {
                    sizes.put(relativePath(module.getKey(), kind), size(file));
                }
            }
        }
        Timings timings = new Timings(Duration.ofNanos(resolveNanos), Duration.ZERO, check, Duration.ZERO,
                Duration.ofNanos(totalNanos));
        return new ExportResult(true, Optional.empty(), List.of(), 0, next.channel(), next.sequence(),
                Optional.ofNullable(next.parent()), files, sizes.values().stream().mapToLong(Long::longValue).sum(), 0,
                files - sizes.size(), 0, List.of(source), rows(plan, sizes, Set.of()), timings);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GosyncException("cannot read " + file + " in the download cache: " + e,
                    "check the disk, or delete the file so that it is fetched again", e);
        }
    }

    private static String relativePath(ModuleVersion module, LayoutPath.Kind kind) {
        return new LayoutPath(kind, module.path(), module.version()).relativePath();
    }

    /**
     * One row per plan entry, with the sizes known of its files; a file without a known size counts
     * as a download to come, one in {@code downloaded} as a download done.
     */
    private static List<ModuleRow> rows(Plan plan, Map<String, Long> sizes, Set<String> downloaded) {
        List<ModuleRow> rows = new ArrayList<>();
        for (Plan.Entry entry : plan.entries()) {
            long bytes = 0;
            int downloads = 0;
            for (LayoutPath.Kind kind : entry.files()) {
                String path = relativePath(entry.source().orElseThrow(), kind);
                Long size = sizes.get(path);
                bytes += size == null ? 0 : size;
                downloads += size == null || downloaded.contains(path) ? 1 : 0;
            }
            rows.add(new ModuleRow(entry.module(), entry.reason().label(), entry.requiredBy(),
                    entry.replacement().map(r -> r.display()), entry.files(), bytes, downloads));
        }
        return rows;
    }
}
