package dev.gosync.agent.state;

import dev.gosync.agent.state.StateException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.sqlite.SqlWork;
import dev.gosync.sqlite.SqliteFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connected side's memory of what each channel has shipped: an SQLite file (see
 * {@link StateLocation} for where it lives by default).
 *
 * <p>An incremental export asks {@link #plan} for the channel's next parent and sequence and
 * for the files already shipped, leaves those out (see {@link IncrementalPlan#select}), writes
 * the bundle, and only then calls {@link #record}. Recording is one transaction, so a crash
 * before or during it leaves the state as it was: the files count as not shipped and go out
 * again with the next export, which is harmless, while the opposite order could mark files as
 * shipped that never left.
 *
 * <p>Several exports may share a file, in one process or several. The file is in write-ahead
 * log mode, so readers never wait; writes begin with {@code BEGIN IMMEDIATE} and wait up to a
 * minute for each other. {@link #record} refuses a bundle whose plan went stale because another
 * export recorded a bundle on the same channel in the meantime, so a channel never forks. One
 * instance holds one connection; its methods may be called from several threads.
 */
public final class ExportState implements Closeable {
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private final Path file;
    private final SqliteFile sqlite;
    private final Connection db;

    private ExportState(Path file, SqliteFile sqlite) {
        this.file = file;
        this.sqlite = sqlite;
        this.db = sqlite.connection();
    }

    /**
     * Opens the state file, creating it and its directories when missing, and brings an older
     * schema up to date.
     *
     * @throws StateException when the file is damaged, not gosync's, from a newer gosync, or
     *     cannot be created
     */
    public static ExportState open(Path file) {
        return open(file, DEFAULT_WAIT);
    }

    /** {@link #open(Path)}, waiting at most {@code wait} for other exports' writes. */
    static ExportState open(Path file, Duration wait) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StateException(Problem.IO, "cannot create the directory of state file " + file + ": " + e,
                    "choose a writable place with --state", e);
        }
        ExportState state = new ExportState(file, SqliteFile.open(absolute, wait, true, new SqliteFailures(file)));
        state.sqlite.setUp(wait, state::prepareOnce);
        return state;
    }

    public Path file() {
        return file;
    }

    /** What the next bundle of {@code channel} continues from, and what the channel carried so far. */
    public synchronized IncrementalPlan plan(String channel) {
        return transaction("BEGIN", "read", () -> {
            String lastId;
            long lastSequence;
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT last_bundle_id, last_sequence FROM channels WHERE name = ?")) {
                q.setString(1, channel);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return IncrementalPlan.first(channel);
                    }
                    StoredRow row = new StoredRow(rs, file);
                    lastId = row.bundleId(1);
                    lastSequence = row.number(2);
                }
            }
            Map<String, ShippedFile> shipped = new HashMap<>();
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT path, sha256, size, bundle_id FROM shipped_files WHERE channel = ?")) {
                q.setString(1, channel);
                try (ResultSet rs = q.executeQuery()) {
                    StoredRow row = new StoredRow(rs, file);
                    while (rs.next()) {
                        shipped.put(row.text(1), new ShippedFile(row.text(1), row.text(2), row.number(3),
                                row.text(4)));
                    }
                }
            }
            return IncrementalPlan.after(channel, lastId, lastSequence, shipped);
        });
    }

    /** Whether {@code path} went out on {@code channel} with exactly this content. */
    public synchronized boolean shipped(String channel, String path, String sha256) {
        return sqlite.read("read", () -> {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT 1 FROM shipped_files WHERE channel = ? AND path = ? AND sha256 = ?")) {
                q.setString(1, channel);
                q.setString(2, path);
                q.setString(3, sha256);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Records a bundle that has been written and published at {@code output} (the bundle file,
     * or the base name of a split bundle), and its files as shipped on its channel. Call it only
     * once the bundle is safely on disk. Files the channel already carried with the same content
     * keep the bundle that first shipped them.
     *
     * <p>A channel with recorded bundles only takes the bundle that follows its newest one
     * (parent and sequence as {@link #plan} gave them). A channel this file has not seen takes
     * any bundle, so that a chain begun with {@code --since} or another state file can go on.
     *
     * @throws StateException {@code STALE_PLAN} when the bundle does not follow the channel's
     *     newest bundle or is recorded already, {@link ShipConflictException} when it carries a
     *     shipped path with other content; nothing is recorded then
     */
    public synchronized void record(Manifest written, Path output) {
        Path where = output.toAbsolutePath().normalize();
        transaction("BEGIN IMMEDIATE", "record bundle " + written.id() + " in", () -> {
            requireFollows(written, where);
            insertBundle(written, where);
            try (PreparedStatement u = db.prepareStatement("INSERT INTO channels (name, last_bundle_id, last_sequence) "
                    + "VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET last_bundle_id = excluded.last_bundle_id, "
                    + "last_sequence = excluded.last_sequence")) {
                u.setString(1, written.channel());
                u.setString(2, written.id());
                u.setLong(3, written.sequence());
                u.executeUpdate();
            }
            List<ShipConflict> conflicts = insertFiles(written);
            if (!conflicts.isEmpty()) {
                throw new ShipConflictException(written.channel(), conflicts);
            }
            return null;
        });
    }

    /** The bundles recorded on {@code channel}, oldest first. */
    public synchronized List<RecordedBundle> history(String channel) {
        return transaction("BEGIN", "read", () -> {
            List<RecordedBundle> bundles = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT id, sequence, parent, created, file_count, bytes, "
                    + "written_at, output_path FROM bundles WHERE channel = ? ORDER BY sequence")) {
                q.setString(1, channel);
                try (ResultSet rs = q.executeQuery()) {
                    StoredRow row = new StoredRow(rs, file);
                    while (rs.next()) {
                        bundles.add(new RecordedBundle(row.text(1), channel, row.number(2), row.optionalText(3),
                                row.instant(4), (int) row.number(5), row.number(6), row.instant(7), row.path(8)));
                    }
                }
            }
            return bundles;
        });
    }

    @Override
    public synchronized void close() {
        sqlite.close();
    }

    private Void prepareOnce() throws SQLException {
        int version = Schema.inspect(db, file);
        sqlite.useWriteAheadLog();
        if (version < Schema.CURRENT) {
            transaction("BEGIN IMMEDIATE", "set up", () -> {
                // Another process may have set the file up since the first look.
                int current = Schema.inspect(db, file);
                if (current < Schema.CURRENT) {
                    Schema.migrate(db, current);
                }
                return null;
            });
        }
        return null;
    }

    private void requireFollows(Manifest written, Path output) throws SQLException {
        String notRecorded = "the bundle at " + output + " was written but is not recorded: delete it and export again";
        try (PreparedStatement q = db.prepareStatement("SELECT channel, sequence FROM bundles WHERE id = ?")) {
            q.setString(1, written.id());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    StoredRow row = new StoredRow(rs, file);
                    throw new StateException(Problem.STALE_PLAN, "bundle " + written.id() + " is already recorded "
                            + "(channel " + row.text(1) + ", sequence " + row.number(2) + ")", null);
                }
            }
        }
        try (PreparedStatement q = db.prepareStatement(
                "SELECT last_bundle_id, last_sequence FROM channels WHERE name = ?")) {
            q.setString(1, written.channel());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                StoredRow row = new StoredRow(rs, file);
                String lastId = row.bundleId(1);
                long lastSequence = row.number(2);
                if (!lastId.equals(written.parent()) || lastSequence + 1 != written.sequence()) {
                    throw new StateException(Problem.STALE_PLAN, "bundle " + written.id() + " (channel "
                            + written.channel() + ", sequence " + written.sequence() + ", parent " + written.parent()
                            + ") does not follow the channel's newest recorded bundle " + lastId + " (sequence "
                            + lastSequence + "); another export recorded a bundle on the channel after this one "
                            + "was planned", notRecorded);
                }
            }
        }
    }

    private void insertBundle(Manifest written, Path output) throws SQLException {
        try (PreparedStatement u = db.prepareStatement("INSERT INTO bundles (id, channel, sequence, parent, created, "
                + "file_count, bytes, written_at, output_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            u.setString(1, written.id());
            u.setString(2, written.channel());
            u.setLong(3, written.sequence());
            u.setString(4, written.parent());
            u.setString(5, written.created().toString());
            u.setInt(6, written.files().size());
            u.setLong(7, written.totalSize());
            u.setString(8, Instant.now().toString());
            u.setString(9, output.toString());
            u.executeUpdate();
        }
    }

    private List<ShipConflict> insertFiles(Manifest written) throws SQLException {
        List<ShipConflict> conflicts = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO shipped_files (channel, path, sha256, size, "
                + "bundle_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, path) DO NOTHING");
                PreparedStatement existing = db.prepareStatement("SELECT sha256, size, bundle_id FROM shipped_files "
                        + "WHERE channel = ? AND path = ?")) {
            for (FileRow row : written.files()) {
                insert.setString(1, written.channel());
                insert.setString(2, row.path());
                insert.setString(3, row.sha256());
                insert.setLong(4, row.size());
                insert.setString(5, written.id());
                if (insert.executeUpdate() == 1) {
                    continue;
                }
                existing.setString(1, written.channel());
                existing.setString(2, row.path());
                try (ResultSet rs = existing.executeQuery()) {
                    if (!rs.next()) {
                        throw new StateException(Problem.CORRUPT, "state file " + file + " is damaged: its index "
                                + "lists " + row.path() + " on channel " + written.channel() + " without a row",
                                SqliteFailures.START_OVER);
                    }
                    StoredRow stored = new StoredRow(rs, file);
                    ShippedFile before = new ShippedFile(row.path(), stored.text(1), stored.number(2), stored.text(3));
                    if (!before.sha256().equals(row.sha256())) {
                        conflicts.add(new ShipConflict(before, row));
                    }
                }
            }
        }
        return conflicts;
    }

    private <T> T transaction(String begin, String doing, SqlWork<T> work) {
        return sqlite.transaction(begin, doing, work);
    }
}
