package dev.gosync.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;

/**
 * One connection to an SQLite file that several gosync processes share: every commit is durable
 * (synchronous FULL), writers wait for each other up to a bound, and every failure reaches the
 * caller as the owner's exception through {@link SqliteErrors}. Not thread-safe: the owner
 * serializes calls.
 */
public final class SqliteFile implements AutoCloseable {
    private static final long SET_UP_RETRY_MILLIS = 20;

    private final Connection db;
    private final SqliteErrors errors;

    private SqliteFile(Connection db, SqliteErrors errors) {
        this.db = db;
        this.errors = errors;
    }

    /**
     * Opens (creating when missing) the file; its directory must exist.
     *
     * @param wait how long a statement waits for another connection's write
     * @param foreignKeys whether SQLite enforces the tables' references
     */
    public static SqliteFile open(Path file, Duration wait, boolean foreignKeys, SqliteErrors errors) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Math.toIntExact(wait.toMillis()));
        config.enforceForeignKeys(foreignKeys);
        // What gosync records describes files already on disk, so it must survive a power cut too.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try {
            // A file: URI, so that '?' or '#' in the path are part of the name, not parameters.
            return new SqliteFile(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().normalize().toUri()),
                    errors);
        } catch (SQLException e) {
            throw errors.failed(e, "open");
        }
    }

    /**
     * Opens an existing file for reading only, creating nothing.
     *
     * @param immutable whether to read it as a file no one changes meanwhile: then SQLite needs
     *     neither the write-ahead log nor its shared-memory file, and creates neither
     */
    public static SqliteFile openReadOnly(Path file, Duration wait, boolean immutable, SqliteErrors errors) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Math.toIntExact(wait.toMillis()));
        config.setReadOnly(true);
        String uri = file.toAbsolutePath().normalize().toUri() + (immutable ? "?immutable=1" : "?mode=ro");
        try {
            return new SqliteFile(config.createConnection("jdbc:sqlite:" + uri), errors);
        } catch (SQLException e) {
            throw errors.failed(e, "open");
        }
    }

    /** The connection, for statements inside {@link SqlWork}. */
    public Connection connection() {
        return db;
    }

    /**
     * Runs {@code setUp} (switching to WAL, creating or migrating tables), retrying while another
     * connection sets the file up at the same moment: SQLite answers a concurrent switch to WAL
     * (or the first schema read) with BUSY at once, without waiting in its busy handler, so the
     * wait is ours here. Closes the connection when it fails.
     */
    public void setUp(Duration wait, SqlWork<?> setUp) {
        try {
            retryWhileBusy(wait, setUp);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void retryWhileBusy(Duration wait, SqlWork<?> setUp) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                setUp.run();
                return;
            } catch (SQLException e) {
                if (SqliteFailure.of(e) != SqliteFailure.BUSY || System.nanoTime() > deadline) {
                    throw errors.failed(e, "open");
                }
            }
            try {
                Thread.sleep(SET_UP_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.interruptedOpening(e);
            }
        }
    }

    /** Switches the file to write-ahead logging, so readers never wait for a writer. */
    public void useWriteAheadLog() throws SQLException {
        try (Statement s = db.createStatement()) {
            // Persistent in the file; must be set outside a transaction.
            s.execute("PRAGMA journal_mode = WAL");
        }
    }

    /** Runs {@code work} outside an explicit transaction. */
    public <T> T read(String doing, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw errors.failed(e, doing);
        }
    }

    /** Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}); rolls back if it throws. */
    public <T> T write(String doing, SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", doing, work);
    }

    /** Runs {@code work} in a transaction begun with {@code begin}; rolls back if it throws. */
    public <T> T transaction(String begin, String doing, SqlWork<T> work) {
        try {
            try (Statement s = db.createStatement()) {
                s.execute(begin);
            }
            try {
                T result = work.run();
                try (Statement s = db.createStatement()) {
                    s.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw errors.failed(e, doing);
        }
    }

    private void rollback(Exception failure) {
        try (Statement s = db.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors; the original failure is what matters.
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw errors.failed(e, "close");
        }
    }

    private void closeQuietly() {
        try {
            db.close();
        } catch (SQLException e) {
            // Closing after a failure; the failure is what gets reported.
        }
    }
}
