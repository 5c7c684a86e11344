package dev.gosync.serve.mirror;

import dev.gosync.gomod.store.StoredFile;
import dev.gosync.serve.trust.SignerName;
import dev.gosync.sqlite.SqlWork;
import dev.gosync.sqlite.SqliteFile;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The mirror's memory, in SQLite at {@code <mirror>/.gosync/index.db}: every bundle imported
 * (who signed it, who imported it, when, with which overrides), every file with its hashes, the
 * newest bundle per channel and signer, and an append-only log of events, refusals included. It
 * is the audit log ({@code gosync log}) and the reference of {@code gosync verify --mirror}.
 *
 * <p>A bundle is recorded in two steps around the publishing of its files: {@link #beginPublishing}
 * before the first rename, {@link #complete} after the last. A crash in between leaves the
 * record in state {@code publishing}; the next import decides, under the mirror's lock, whether
 * the files made it ({@link #complete}) or not ({@link #discard}). The file is in write-ahead log
 * mode, so readers ({@code gosync log}, a server) never wait for an import.
 */
public final class MirrorIndex implements Closeable {
    private static final int SCHEMA = 1;
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final Path file;
    private final SqliteFile sqlite;
    private final Connection db;

    private MirrorIndex(Path file, SqliteFile sqlite) {
        this.file = file;
        this.sqlite = sqlite;
        this.db = sqlite.connection();
    }

    /** Opens (creating when missing) the index file. */
    public static MirrorIndex open(Path file) {
        MirrorIndex index = new MirrorIndex(file,
                SqliteFile.open(file, WAIT, false, new MirrorIndexException.Errors(file)));
        index.sqlite.setUp(WAIT, index::prepareOnce);
        return index;
    }

    /**
     * Opens an existing index for reading only: nothing is created, converted or written, so
     * {@code gosync verify --mirror} and {@code gosync log} leave the mirror as they found it.
     *
     * <p>A write-ahead-log reader needs the {@code -wal} and {@code -shm} files, and creates them
     * when missing (which a read-only directory forbids, and which a read-only connection could
     * not remove again). They are missing only when no connection is open, so no import is
     * running: then the file is read as immutable, creating nothing. Otherwise an ordinary
     * read-only connection shares them with the writer.
     */
    public static MirrorIndex openReadOnly(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        boolean noWriter = !Files.exists(wal) && !Files.exists(shm);
        MirrorIndexException.Errors errors = new MirrorIndexException.Errors(file);
        MirrorIndex index = new MirrorIndex(file, SqliteFile.openReadOnly(file, WAIT, noWriter, errors));
        Connection db = index.db;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            int version = rs.next() ? rs.getInt(1) : 0;
            if (version != SCHEMA) {
                throw new MirrorIndexException("mirror index " + file + (version > SCHEMA
                        ? " was written by a newer gosync (schema " + version + ", this one knows " + SCHEMA + ")"
                        : " is not set up (schema " + version + ")"),
                        version > SCHEMA ? "use the newer gosync with this mirror"
                                : "run gosync import --into on the mirror once to set it up", null);
            }
            return index;
        } catch (SQLException e) {
            index.close();
            throw errors.failed(e, "open");
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The bundle with this id, in whatever state. */
    public synchronized Optional<ImportedBundle> bundle(String id) {
        List<ImportedBundle> found = queryBundles("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every bundle, in the order of their import. */
    public synchronized List<ImportedBundle> bundles() {
        return queryBundles("ORDER BY imported_at, rowid");
    }

    /** Whether the bundle's import completed. */
    public boolean imported(String id) {
        return bundle(id).map(ImportedBundle::complete).orElse(false);
    }

    /** Ids of bundles whose import was interrupted while publishing. */
    public synchronized List<String> publishing() {
        return queryBundles("WHERE state = ?", ImportedBundle.PUBLISHING).stream().map(ImportedBundle::id).toList();
    }

    /** The newest bundle imported on the channel from the signer. */
    public synchronized Optional<ChainHead> head(String channel, String signer) {
        return read("read", () -> {
            try (PreparedStatement q = db.prepareStatement("SELECT bundle_id, sequence, created FROM chains "
                    + "WHERE channel = ? AND signer = ?")) {
                q.setString(1, channel);
                q.setString(2, signer);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new ChainHead(channel, signer, rs.getString(1), rs.getLong(2),
                            Instant.parse(rs.getString(3)))) : Optional.<ChainHead>empty();
                }
            }
        });
    }

    /** Every channel head. */
    public synchronized List<ChainHead> heads() {
        return read("read", () -> {
            List<ChainHead> heads = new ArrayList<>();
            try (Statement q = db.createStatement(); ResultSet rs = q.executeQuery("SELECT channel, signer, bundle_id, "
                    + "sequence, created FROM chains ORDER BY channel, signer")) {
                while (rs.next()) {
                    heads.add(new ChainHead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.parse(rs.getString(5))));
                }
            }
            return heads;
        });
    }

    /** The files a bundle carried, as recorded when its import began. */
    public synchronized List<IndexedFile> bundleFiles(String id) {
        return read("read", () -> {
            List<IndexedFile> files = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT path, size, sha256, h1 FROM bundle_files "
                    + "WHERE bundle_id = ? ORDER BY path")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        files.add(new IndexedFile(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), id));
                    }
                }
            }
            return files;
        });
    }

    /** Every file the mirror holds by the index, in path order, one at a time (the list can be long). */
    public synchronized void forEachFile(Consumer<IndexedFile> action) {
        read("read", () -> {
            try (Statement q = db.createStatement(); ResultSet rs = q.executeQuery("SELECT path, size, sha256, h1, "
                    + "bundle_id FROM files ORDER BY path")) {
                while (rs.next()) {
                    action.accept(new IndexedFile(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return null;
        });
    }

    /** The file at this layout path, if indexed. */
    public synchronized Optional<IndexedFile> file(String path) {
        return read("read", () -> {
            try (PreparedStatement q = db.prepareStatement("SELECT size, sha256, h1, bundle_id FROM files WHERE path = ?")) {
                q.setString(1, path);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new IndexedFile(path, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4))) : Optional.<IndexedFile>empty();
                }
            }
        });
    }

    /** The audit log, oldest first. */
    public synchronized List<AuditEvent> events() {
        return read("read", () -> {
            List<AuditEvent> events = new ArrayList<>();
            try (Statement q = db.createStatement(); ResultSet rs = q.executeQuery("SELECT n, time, operator, action, "
                    + "bundle_id, detail FROM events ORDER BY n")) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return events;
        });
    }

    /** Appends an event to the audit log. */
    public synchronized void log(Instant time, String operator, String action, String bundleId, String detail) {
        write("log to", () -> {
            insertEvent(time, operator, action, bundleId, detail);
            return null;
        });
    }

    /**
     * Records a bundle whose files are about to be published (state {@code publishing}), with
     * every file it carries.
     */
    public synchronized void beginPublishing(ImportRecord r) {
        write("record bundle " + r.bundleId() + " in", () -> {
            try (PreparedStatement u = db.prepareStatement("INSERT INTO bundles (id, state, channel, sequence, parent, "
                    + "created, signer, principals, tool, bundle_name, files, bytes, new_files, imported_at, operator, "
                    + "overrides, advances_chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")) {
                u.setString(1, r.bundleId());
                u.setString(2, ImportedBundle.PUBLISHING);
                u.setString(3, r.channel());
                u.setLong(4, r.sequence());
                u.setString(5, r.parent());
                u.setString(6, r.created().toString());
                u.setString(7, r.signer());
                u.setString(8, String.join("\n", r.principals()));
                u.setString(9, r.tool());
                u.setString(10, r.bundleName());
                u.setInt(11, r.files().size());
                u.setLong(12, r.bytes());
                u.setString(13, r.importedAt().toString());
                u.setString(14, r.operator());
                u.setString(15, String.join("\n", r.overrides()));
                u.setInt(16, r.advancesChain() ? 1 : 0);
                u.executeUpdate();
            }
            try (PreparedStatement u = db.prepareStatement("INSERT INTO bundle_files (bundle_id, path, size, sha256, h1) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                for (StoredFile f : r.files()) {
                    u.setString(1, r.bundleId());
                    u.setString(2, f.relativePath());
                    u.setLong(3, f.size());
                    u.setString(4, f.sha256());
                    u.setString(5, f.h1());
                    u.addBatch();
                }
                u.executeBatch();
            }
            return null;
        });
    }

    /**
     * Marks a publishing bundle complete: its files join the mirror's file list (files it shares
     * with earlier bundles keep their first bundle), its channel head moves if it advances the
     * chain, and the audit log gets the import and each override. Does nothing when the bundle
     * is not publishing (another process completed it).
     *
     * @param action {@link AuditEvent#IMPORTED}, or {@link AuditEvent#RECOVERED} when a later
     *     import completes an interrupted one
     * @return whether this call completed it
     */
    public synchronized boolean complete(String id, Instant time, String operator, String action) {
        return write("complete bundle " + id + " in", () -> {
            Optional<ImportedBundle> found = queryBundles("WHERE id = ? AND state = ?", id, ImportedBundle.PUBLISHING)
                    .stream().findFirst();
            if (found.isEmpty()) {
                return false;
            }
            ImportedBundle b = found.get();
            int added;
            try (PreparedStatement u = db.prepareStatement("INSERT OR IGNORE INTO files (path, size, sha256, h1, "
                    + "bundle_id) SELECT path, size, sha256, h1, bundle_id FROM bundle_files WHERE bundle_id = ?")) {
                u.setString(1, id);
                added = u.executeUpdate();
            }
            try (PreparedStatement u = db.prepareStatement("UPDATE bundles SET state = ?, new_files = ? WHERE id = ?")) {
                u.setString(1, ImportedBundle.COMPLETE);
                u.setInt(2, added);
                u.setString(3, id);
                u.executeUpdate();
            }
            boolean advances;
            try (PreparedStatement q = db.prepareStatement("SELECT advances_chain FROM bundles WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    advances = rs.next() && rs.getInt(1) == 1;
                }
            }
            if (advances) {
                try (PreparedStatement u = db.prepareStatement("INSERT INTO chains (channel, signer, bundle_id, sequence, "
                        + "created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, signer) DO UPDATE SET "
                        + "bundle_id = excluded.bundle_id, sequence = excluded.sequence, created = excluded.created")) {
                    u.setString(1, b.channel());
                    u.setString(2, b.signer());
                    u.setString(3, id);
                    u.setLong(4, b.sequence());
                    u.setString(5, b.created().toString());
                    u.executeUpdate();
                }
            }
            for (String override : b.overrides()) {
                insertEvent(time, operator, AuditEvent.OVERRIDE, id, override);
            }
            insertEvent(time, operator, action, id, "channel " + b.channel() + " #" + b.sequence()
                    + (b.parent() == null ? "" : " after " + b.parent()) + ", signer " + SignerName.of(b.signer(), b.principals()) + ", "
                    + b.files() + " files (" + added + " new), " + b.bytes() + " bytes, from " + b.bundleName());
            return true;
        });
    }

    /** Forgets a publishing bundle whose files never reached the mirror. */
    public synchronized void discard(String id, Instant time, String operator, String why) {
        write("discard bundle " + id + " in", () -> {
            try (PreparedStatement u = db.prepareStatement("DELETE FROM bundle_files WHERE bundle_id = ?")) {
                u.setString(1, id);
                u.executeUpdate();
            }
            try (PreparedStatement u = db.prepareStatement("DELETE FROM bundles WHERE id = ? AND state = ?")) {
                u.setString(1, id);
                u.setString(2, ImportedBundle.PUBLISHING);
                u.executeUpdate();
            }
            if (why != null) {
                insertEvent(time, operator, AuditEvent.DISCARDED, id, why);
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        sqlite.close();
    }

    private void insertEvent(Instant time, String operator, String action, String bundleId, String detail)
            throws SQLException {
        try (PreparedStatement u = db.prepareStatement("INSERT INTO events (time, operator, action, bundle_id, detail) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            u.setString(1, time.toString());
            u.setString(2, operator);
            u.setString(3, action);
            u.setString(4, bundleId);
            u.setString(5, detail);
            u.executeUpdate();
        }
    }

    private List<ImportedBundle> queryBundles(String where, String... args) {
        return read("read", () -> {
            List<ImportedBundle> bundles = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT id, state, channel, sequence, parent, created, signer, "
                    + "principals, tool, bundle_name, files, bytes, new_files, imported_at, operator, overrides "
                    + "FROM bundles " + where)) {
                for (int i = 0; i < args.length; i++) {
                    q.setString(i + 1, args[i]);
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        bundles.add(new ImportedBundle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), Instant.parse(rs.getString(6)), rs.getString(7), lines(rs.getString(8)),
                                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getLong(12), rs.getInt(13),
                                Instant.parse(rs.getString(14)), rs.getString(15), lines(rs.getString(16))));
                    }
                }
            }
            return bundles;
        });
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private <T> T read(String doing, SqlWork<T> work) {
        return sqlite.read(doing, work);
    }

    private <T> T write(String doing, SqlWork<T> work) {
        return sqlite.write(doing, work);
    }

    private Void prepareOnce() throws SQLException {
        sqlite.useWriteAheadLog();
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA) {
            throw new MirrorIndexException("mirror index " + file + " was written by a newer gosync (schema " + version
                    + ", this one knows " + SCHEMA + ")", "use the newer gosync with this mirror", null);
        }
        if (version == SCHEMA) {
            return null;
        }
        return write("set up", () -> {
            try (Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    if (rs.next() && rs.getInt(1) == SCHEMA) {
                        return null;
                    }
                }
                s.execute("CREATE TABLE bundles (id TEXT PRIMARY KEY, state TEXT NOT NULL, channel TEXT NOT NULL, "
                        + "sequence INTEGER NOT NULL, parent TEXT, created TEXT NOT NULL, signer TEXT NOT NULL, "
                        + "principals TEXT NOT NULL, tool TEXT NOT NULL, bundle_name TEXT NOT NULL, "
                        + "files INTEGER NOT NULL, bytes INTEGER NOT NULL, new_files INTEGER NOT NULL, "
                        + "imported_at TEXT NOT NULL, operator TEXT NOT NULL, overrides TEXT NOT NULL, "
                        + "advances_chain INTEGER NOT NULL)");
                s.execute("CREATE TABLE bundle_files (bundle_id TEXT NOT NULL, path TEXT NOT NULL, "
                        + "size INTEGER NOT NULL, sha256 TEXT NOT NULL, h1 TEXT, PRIMARY KEY (bundle_id, path))");
                s.execute("CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
                        + "h1 TEXT, bundle_id TEXT NOT NULL)");
                s.execute("CREATE TABLE chains (channel TEXT NOT NULL, signer TEXT NOT NULL, bundle_id TEXT NOT NULL, "
                        + "sequence INTEGER NOT NULL, created TEXT NOT NULL, PRIMARY KEY (channel, signer))");
                s.execute("CREATE TABLE events (n INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
                        + "operator TEXT NOT NULL, action TEXT NOT NULL, bundle_id TEXT, detail TEXT NOT NULL)");
                s.execute("PRAGMA user_version = " + SCHEMA);
            }
            return null;
        });
    }
}
