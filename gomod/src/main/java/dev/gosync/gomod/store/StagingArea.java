package dev.gosync.gomod.store;

import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.module.ProxyLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The private directory of one transaction, inside the store's internal directory (so on the same
 * file system as the layout, which makes every final rename atomic). Staged files are named
 * {@code f0}, {@code f1}, … and never look like layout files.
 *
 * <p>Commit writes a journal of every move before making the first one. A transaction that
 * crashed before its journal existed left nothing in the layout and is deleted; one that crashed
 * after is finished by {@link #recover}, so the store ends up as it was or with the whole
 * transaction.
 */
final class StagingArea {
    private static final String PREFIX = "tx-";
    private static final String JOURNAL = "journal";
    private static final String TEMP = "temp";
    /** Version lists are written as {@code list-0}, {@code list-1}, … before they replace the old ones. */
    private static final String LIST_TEMP_PREFIX = "list-";

    /** A staged file and where it goes. */
    record Move(String stagedName, String relativePath) {
    }

    /** A file staged with its size and SHA-256 (lower-case hex). */
    record Staged(Path file, long size, String sha256) {
    }

    private final Path dir;
    private int next;

    private StagingArea(Path dir) {
        this.dir = dir;
    }

    static StagingArea create(Path internalDir) throws IOException {
        return new StagingArea(Files.createDirectory(internalDir.resolve(PREFIX + UUID.randomUUID())));
    }

    /**
     * Copies content into a new staged file, hashing it on the way. The file is synced with all
     * the others by {@link #writeJournal}, before anything depends on it.
     *
     * @throws StoreException if content has more than limit bytes (the file is then deleted)
     */
    Staged stage(InputStream content, long limit, String what) throws IOException {
        return stage(content, limit, what, null);
    }

    /**
     * {@link #stage(InputStream, long, String)}, taking {@code knownSha256} (when not null) as the
     * content's hash instead of computing it: for streams that verify themselves.
     */
    Staged stage(InputStream content, long limit, String what, String knownSha256) throws IOException {
        Path file = dir.resolve("f" + next++);
        MessageDigest digest = knownSha256 == null ? Sha256.newDigest() : null;
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                size += n;
                if (size > limit) {
                    throw new StoreException(what + " is larger than " + limit + " bytes",
                            "the go command refuses such files too; the source is broken or hostile", null);
                }
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        Writeback.start(file);
        return new Staged(file, size, digest == null ? knownSha256 : HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Moves a complete file (on this store's file system; the commit syncs it) in as a staged
     * file, without copying; size and sha256 are the caller's, computed while it wrote the file.
     *
     * @throws StoreException if size is more than limit (the file is then left where it was)
     */
    Staged adopt(Path file, long size, String sha256, long limit, String what) throws IOException {
        if (size > limit) {
            throw new StoreException(what + " is larger than " + limit + " bytes",
                    "the go command refuses such files too; the source is broken or hostile", null);
        }
        Path staged = dir.resolve("f" + next++);
        Files.move(file, staged, StandardCopyOption.ATOMIC_MOVE);
        Writeback.start(staged);
        return new Staged(staged, size, sha256);
    }

    /**
     * Syncs every staged file the moves name, then records the moves durably; from here on the
     * transaction will complete, now or on recovery.
     */
    void writeJournal(List<Move> moves) throws IOException {
        Durable.syncAll(moves.stream().map(m -> dir.resolve(m.stagedName())).toList());
        StringBuilder text = new StringBuilder();
        moves.forEach(m -> text.append(m.stagedName()).append('\t').append(m.relativePath()).append('\n'));
        Durable.replace(dir.resolve(JOURNAL), text.toString().getBytes(StandardCharsets.UTF_8), dir.resolve(TEMP));
    }

    /**
     * Moves the journaled files into the layout under root (a file already there stays, so a
     * store is never overwritten) and rebuilds the version list of every module given a
     * {@code .mod}.
     */
    void publish(Path root, List<Move> moves) throws IOException {
        Set<Path> listDirs = new LinkedHashSet<>();
        // Directories are synced once at the end, not after each rename: until the journal is
        // deleted, a rename that did not reach the disk is simply done again by recovery.
        Set<Path> changed = new LinkedHashSet<>();
        for (Move move : moves) {
            Path staged = dir.resolve(move.stagedName());
            Path target = root.resolve(move.relativePath());
            if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Durable.moveIntoPlace(staged, target, changed);
            }
            if (move.relativePath().endsWith(".mod")) {
                listDirs.add(target.getParent());
            }
        }
        Map<Path, byte[]> lists = new LinkedHashMap<>();
        for (Path versionsDir : listDirs) {
            byte[] content = VersionList.rebuilt(versionsDir);
            if (content != null) {
                lists.put(versionsDir.resolve(VersionList.FILE), content);
            }
        }
        Durable.replaceAll(lists, dir.resolve(LIST_TEMP_PREFIX), changed);
        Durable.syncAll(changed);
    }

    void delete() throws IOException {
        DirectoryTree.delete(dir);
    }

    /**
     * Finishes the journaled transactions that crashed during commit and deletes the remains of
     * every other one. Call with the store's lock held.
     */
    static void recover(Path root, Path internalDir) throws IOException {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(internalDir, PREFIX + "*")) {
            entries.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            StagingArea area = new StagingArea(leftover);
            Path journal = leftover.resolve(JOURNAL);
            if (Files.isRegularFile(journal)) {
                area.publish(root, readJournal(journal));
            }
            area.delete();
        }
    }

    private static boolean isLayoutFile(String relativePath) {
        try {
            return ProxyLayout.parse(relativePath).kind().perVersion();
        } catch (ProxyLayout.InvalidLayoutPathException e) {
            return false;
        }
    }

    private static List<Move> readJournal(Path journal) throws IOException {
        List<Move> moves = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            Move move = tab < 0 ? null : new Move(line.substring(0, tab), line.substring(tab + 1));
            // The journal is written atomically by this class; anything else in it was put there by hand.
            if (move == null || !move.stagedName().matches("f[0-9]+") || !isLayoutFile(move.relativePath())) {
                throw new IOException("damaged journal " + journal + ": line " + GoStrings.quote(line)
                        + "; remove the directory " + journal.getParent() + " after checking the store");
            }
            moves.add(move);
        }
        return moves;
    }
}
