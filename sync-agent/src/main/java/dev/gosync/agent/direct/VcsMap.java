package dev.gosync.agent.direct;

import dev.gosync.agent.discovery.RepoRoot;
import dev.gosync.bundle.manifest.Redaction;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModulePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * gosync's own module-path-to-repository mappings ({@code --vcs-map PREFIX=REPO_URL} and the
 * vcs-map file), for hosts that cannot answer {@code ?go-get=1} discovery at all, as in closed
 * networks that mirror repositories under other URLs. A mapping applies to the module paths equal
 * to its prefix or below it; the longest prefix wins. The prefix is the import path of the
 * repository root, so {@code corp.example/team/repo/sub} maps to the {@code sub} directory of the
 * repository mapped for {@code corp.example/team/repo}. The repository is always git.
 */
public final class VcsMap {
    /** One mapping. */
    public record Entry(String prefix, String url) {
    }

    private final List<Entry> entries;

    private VcsMap(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static VcsMap empty() {
        return new VcsMap(List.of());
    }

    public static VcsMap of(List<Entry> entries) {
        return new VcsMap(entries);
    }

    /**
     * Parses {@code PREFIX=REPO_URL}.
     *
     * @throws GosyncException if there is no '=', the prefix is no valid module path prefix, or the URL is empty
     */
    public static Entry parseEntry(String spec, String where) {
        int eq = spec.indexOf('=');
        String prefix = eq < 0 ? "" : spec.substring(0, eq).strip();
        String url = eq < 0 ? "" : spec.substring(eq + 1).strip();
        if (eq < 0 || prefix.isEmpty() || url.isEmpty()) {
            throw new GosyncException(where + ": invalid vcs mapping \"" + Redaction.withoutUserInfo(spec) + "\"",
                    "write PREFIX=REPO_URL, such as corp.example/team/repo=https://git.corp.example/team/repo.git");
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        try {
            ModulePath.checkImportPath(prefix);
        } catch (GosyncException e) {
            throw new GosyncException(where + ": invalid vcs mapping prefix " + prefix + ": " + e.getMessage(),
                    "the prefix is the import path of the repository root, such as corp.example/team/repo");
        }
        return new Entry(prefix, url);
    }

    /**
     * Reads a vcs-map file: one {@code PREFIX=REPO_URL} per line; blank lines and lines starting
     * with {@code #} are skipped. A missing file is an empty map.
     */
    public static VcsMap readFile(Path file) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new GosyncException("cannot read the vcs-map file " + file + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(parseEntry(line, file + ":" + (i + 1)));
            }
        }
        return new VcsMap(entries);
    }

    /** These mappings, then those of {@code other} for prefixes these do not map. */
    public VcsMap before(VcsMap other) {
        List<Entry> all = new ArrayList<>(entries);
        for (Entry e : other.entries) {
            if (all.stream().noneMatch(mine -> mine.prefix().equals(e.prefix()))) {
                all.add(e);
            }
        }
        return new VcsMap(all);
    }

    /** The repository of the longest prefix covering the module path, if any. */
    public Optional<RepoRoot> find(String modulePath) {
        return entries.stream()
                .filter(e -> modulePath.equals(e.prefix()) || modulePath.startsWith(e.prefix() + "/"))
                .max(Comparator.comparingInt(e -> e.prefix().length()))
                .map(e -> new RepoRoot(e.prefix(), RepoRoot.GIT, e.url(), "", true));
    }

    public List<Entry> entries() {
        return entries;
    }
}
