package dev.gosync.serve.mirror;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code gosync verify --mirror}: re-reads every file of a mirror and compares it with the index
 * (bit rot, a hand edit, a file removed or added behind gosync's back), and every version list
 * with what the module files say it must be. Reads only.
 */
public final class MirrorCheck {
    private MirrorCheck() {
    }

    /**
     * The findings.
     *
     * @param files how many indexed files were read
     * @param bytes their total size
     * @param problems one line per problem, each naming the file; empty when the mirror is intact
     */
    public record Report(int files, long bytes, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** @param progress told each file's layout path after it was checked */
    public static Report run(Mirror mirror, Consumer<String> progress) {
        Path root = mirror.root();
        List<String> problems = new ArrayList<>();
        Set<String> onDisk = new HashSet<>();
        Set<String> lists = new HashSet<>();
        walk(root, onDisk, lists, problems);
        int[] files = {0};
        long[] bytes = {0};
        Set<String> indexed = new HashSet<>();
        mirror.index().forEachFile(f -> {
            indexed.add(f.path());
            Path file = root.resolve(f.path());
            if (!onDisk.contains(f.path())) {
                problems.add(f.path() + ": missing (the index has it from bundle " + f.bundleId() + ")");
                return;
            }
            try {
                long size = Files.size(file);
                String sha = Sha256.ofFile(file);
                if (size != f.size() || !sha.equals(f.sha256())) {
                    problems.add(f.path() + ": changed: " + size + " bytes, sha256 " + sha + "; the index says "
                            + f.size() + " bytes, sha256 " + f.sha256());
                }
                files[0]++;
                bytes[0] += size;
            } catch (IOException e) {
                problems.add(f.path() + ": cannot be read: " + e);
            }
            progress.accept(f.path());
        });
        // Files of an interrupted import are explained once, not one by one.
        for (String id : mirror.index().publishing()) {
            problems.add("bundle " + id + ": its import was interrupted; the next gosync import into this mirror "
                    + "completes it or discards it");
            mirror.index().bundleFiles(id).forEach(f -> indexed.add(f.path()));
        }
        for (String path : onDisk) {
            if (!indexed.contains(path)) {
                problems.add(path + ": not in the index (no import brought it)");
            }
        }
        for (String list : lists) {
            checkList(mirror, list, problems);
        }
        problems.sort(null);
        return new Report(files[0], bytes[0], problems);
    }

    private static void walk(Path root, Set<String> files, Set<String> lists, List<String> problems) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root.resolve(Mirror.INTERNAL_DIR)) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (!attrs.isRegularFile()) {
                        problems.add(path + ": not a regular file (a link or special file has no place in a mirror)");
                        return FileVisitResult.CONTINUE;
                    }
                    LayoutPath layout;
                    try {
                        layout = ProxyLayout.parse(path);
                    } catch (GosyncException e) {
                        problems.add(path + ": not a file of the GOPROXY layout");
                        return FileVisitResult.CONTINUE;
                    }
                    if (layout.kind() == LayoutPath.Kind.LIST) {
                        lists.add(path);
                    } else if (layout.kind().perVersion()) {
                        files.add(path);
                    } else {
                        problems.add(path + ": an @latest file, which imports never write");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new GosyncException("cannot read mirror " + root + ": " + e, "check the permissions", e);
        }
    }

    private static void checkList(Mirror mirror, String listPath, List<String> problems) {
        String module = ProxyLayout.parse(listPath).path();
        StringBuilder expected = new StringBuilder();
        try {
            mirror.store().versions(module).forEach(v -> expected.append(v).append('\n'));
        } catch (ModuleNotFoundException e) {
            // No .mod file: the list must be empty.
        }
        try {
            String actual = Files.readString(mirror.root().resolve(listPath), StandardCharsets.UTF_8);
            if (!actual.equals(expected.toString())) {
                problems.add(listPath + ": does not list the versions whose .mod files the mirror holds (expected "
                        + expected.toString().strip().replace('\n', ' ') + ")");
            }
        } catch (IOException e) {
            problems.add(listPath + ": cannot be read: " + e);
        }
    }
}
