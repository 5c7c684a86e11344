package dev.gosync.gomod.resolve;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.ModFileException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The go.mod summaries of module versions, as the graph loader sees them (the go command's
 * {@code goModSummary}): replacements applied, the file read laxly, the declared module path
 * checked, requirements on excluded versions dropped. Each file is read once per resolution, and
 * every read is recorded.
 */
final class Summaries {
    /** A go.mod read or its failure; exactly one is non-null. */
    private record Raw(ModSummary summary, LoadFailure failure) {
    }

    /** A summary ready for the graph, or why there is none; exactly one is non-null. */
    record Outcome(ModSummary summary, LoadFailure failure) {
    }

    private final MainModules mains;
    private final GoModFetcher fetcher;
    private final ExecutorService pool;
    private final Map<ReplacementTarget, Raw> raw = new LinkedHashMap<>();
    private final Set<ModuleVersion> fetched = new LinkedHashSet<>();
    private final Set<ReplacementTarget.Directory> directories = new LinkedHashSet<>();

    /** @param pool runs fetches in parallel; null to fetch one at a time */
    Summaries(MainModules mains, GoModFetcher fetcher, ExecutorService pool) {
        this.mains = mains;
        this.fetcher = fetcher;
        this.pool = pool;
    }

    /** The versions whose go.mod was fetched, in the order asked for (replacements' own coordinates). */
    Set<ModuleVersion> fetched() {
        return fetched;
    }

    /** The replacement directories whose go.mod was read. */
    Set<ReplacementTarget.Directory> directories() {
        return directories;
    }

    /** What m's go.mod is read from: its replacement, or m itself. */
    ReplacementTarget actual(ModuleVersion m) {
        return mains.replacement(m).orElseGet(() -> new ReplacementTarget.Module(m));
    }

    /** Reads, in parallel when a pool was given, the go.mod files that the summaries of these modules need. */
    void prefetch(Collection<ModuleVersion> modules) {
        Set<ReplacementTarget> missing = new LinkedHashSet<>();
        for (ModuleVersion m : modules) {
            if (!isMainInWorkspace(m)) {
                ReplacementTarget target = actual(m);
                if (!raw.containsKey(target)) {
                    missing.add(target);
                }
            }
        }
        if (pool == null || missing.size() < 2) {
            missing.forEach(this::rawSummary);
            return;
        }
        Map<ReplacementTarget, Future<Raw>> reads = new LinkedHashMap<>();
        missing.forEach(t -> reads.put(t, pool.submit(() -> read(t))));
        reads.forEach((t, read) -> record(t, await(read)));
    }

    private static Raw await(Future<Raw> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GosyncException("interrupted while reading go.mod files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The summary of m as the graph sees it. */
    Outcome summary(ModuleVersion m) {
        if (isMainInWorkspace(m)) {
            MainModule main = mains.modules().stream().filter(mm -> mm.path().equals(m.path())).findFirst().orElseThrow();
            return new Outcome(ModSummary.of(main.goMod()).without(mains.exclusions()), null);
        }
        ReplacementTarget target = actual(m);
        String replacedBy = target instanceof ReplacementTarget.Module t && t.module().equals(m) ? null : shown(target);
        Raw read = rawSummary(target);
        if (read.failure != null) {
            return new Outcome(null, read.failure.withReplacement(replacedBy));
        }
        ModSummary summary = read.summary;
        // A directory replacement may declare any path, or none: the go command does not check them.
        if (target instanceof ReplacementTarget.Module actual) {
            if (summary.modulePath().isEmpty()) {
                return new Outcome(null, new LoadFailure(replacedBy, "parsing go.mod: missing module line",
                        ModuleGraphException.BAD_GO_MOD, null));
            }
            String declared = summary.modulePath();
            if (!declared.equals(m.path()) && !declared.equals(actual.module().path())) {
                return new Outcome(null, new LoadFailure(replacedBy, "parsing go.mod:\n\tmodule declares its path as: "
                        + declared + "\n\t        but was required as: " + m.path(), ModuleGraphException.WRONG_PATH, null));
            }
        }
        return new Outcome(summary.without(mains.exclusions()), null);
    }

    private boolean isMainInWorkspace(ModuleVersion m) {
        return mains.isWorkspace() && m.version().isEmpty() && mains.contains(m.path());
    }

    private static String shown(ReplacementTarget target) {
        return target instanceof ReplacementTarget.Module t ? t.module().toString() : target.display();
    }

    private Raw rawSummary(ReplacementTarget target) {
        Raw known = raw.get(target);
        return known != null ? known : record(target, read(target));
    }

    private Raw record(ReplacementTarget target, Raw read) {
        raw.put(target, read);
        if (target instanceof ReplacementTarget.Module t) {
            fetched.add(t.module());
        } else {
            directories.add((ReplacementTarget.Directory) target);
        }
        return read;
    }

    /** Reads and parses one go.mod; safe to call from several threads. */
    private Raw read(ReplacementTarget target) {
        return target instanceof ReplacementTarget.Module t
                ? fetch(t.module()) : readDirectory((ReplacementTarget.Directory) target);
    }

    private Raw fetch(ModuleVersion m) {
        byte[] bytes;
        try {
            bytes = fetcher.goMod(m);
        } catch (ModuleNotFoundException e) {
            return failed(e.getMessage(), ModuleGraphException.NOT_FOUND, e);
        } catch (GosyncException | UncheckedIOException e) {
            return failed(e.getMessage(), ModuleGraphException.FETCH_FAILED, e);
        }
        return parse("go.mod", bytes);
    }

    private Raw readDirectory(ReplacementTarget.Directory d) {
        Path file = d.dir().resolve("go.mod");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed("reading " + file + ": no such file or directory", ModuleGraphException.BAD_DIRECTORY, e);
        } catch (IOException e) {
            return failed("reading " + file + ": " + e.getMessage(), ModuleGraphException.BAD_DIRECTORY, e);
        }
        return parse(file.toString(), bytes);
    }

    private static Raw parse(String name, byte[] bytes) {
        try {
            return new Raw(ModSummary.of(ModFile.parseLax(name, bytes)), null);
        } catch (ModFileException e) {
            return failed("parsing " + name + ": " + e.getMessage(), ModuleGraphException.BAD_GO_MOD, e);
        }
    }

    private static Raw failed(String detail, String remedy, Throwable cause) {
        return new Raw(null, new LoadFailure(null, detail, remedy, cause));
    }
}
