package dev.gosync.agent.state;

import dev.gosync.agent.state.StateException.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the state file and how each older layout is brought up to date.
 *
 * <p>The file is marked as gosync's with an SQLite application id, so that a database of some
 * other program is refused instead of being written into. Its {@code schema_version} table holds
 * the number of migrations applied; {@link #MIGRATIONS} only ever grows at its end, so a file of
 * any earlier gosync moves forward one step at a time, while a file from a newer gosync is
 * refused untouched.
 */
final class Schema {
    /** "gsyn" in ASCII, in the database header's application id field. */
    static final int APPLICATION_ID = 0x6773796e;

    /** Each entry takes the schema from version {@code index} to {@code index + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            // The newest bundle of each channel; the next one must name it as parent.
            """
            CREATE TABLE channels (
                name TEXT PRIMARY KEY,
                last_bundle_id TEXT NOT NULL REFERENCES bundles (id),
                last_sequence INTEGER NOT NULL
            )""",
            // A bundle's row goes in before its channel's, hence the deferred check on channel.
            // No reference on parent: a channel may continue a chain begun without this state file.
            """
            CREATE TABLE bundles (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL REFERENCES channels (name) DEFERRABLE INITIALLY DEFERRED,
                sequence INTEGER NOT NULL,
                parent TEXT,
                created TEXT NOT NULL,
                file_count INTEGER NOT NULL,
                bytes INTEGER NOT NULL,
                written_at TEXT NOT NULL,
                output_path TEXT NOT NULL,
                UNIQUE (channel, sequence)
            )""",
            """
            CREATE TABLE shipped_files (
                channel TEXT NOT NULL REFERENCES channels (name),
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                bundle_id TEXT NOT NULL REFERENCES bundles (id),
                PRIMARY KEY (channel, path)
            ) WITHOUT ROWID""",
            "CREATE INDEX shipped_files_by_bundle ON shipped_files (bundle_id)"));

    /** The schema version this gosync writes. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * The schema version of the file: 0 for a new, empty database.
     *
     * @throws StateException {@code FOREIGN} for another program's database, {@code TOO_NEW} for
     *     a schema newer than {@link #CURRENT}, {@code CORRUPT} for a gosync file without a valid
     *     version
     */
    static int inspect(Connection db, Path file) throws SQLException {
        // One statement, one snapshot: read apart, another connection setting the file up in
        // between could show an unmarked header beside its new tables, which would look foreign.
        int applicationId;
        int objects;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT application_id FROM pragma_application_id),"
                     + " (SELECT count(*) FROM sqlite_schema)")) {
            rs.next();
            applicationId = rs.getInt(1);
            objects = rs.getInt(2);
        }
        if (applicationId != APPLICATION_ID) {
            if (applicationId == 0 && objects == 0) {
                return 0;
            }
            throw new StateException(Problem.FOREIGN, "state file " + file + " is a database of another program "
                    + "(SQLite application id " + applicationId + "), not a gosync export state",
                    "choose a new file with --state; gosync does not write into other programs' databases");
        }
        if (queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'") == 0
                || queryInt(db, "SELECT count(*) FROM schema_version") != 1) {
            throw new StateException(Problem.CORRUPT, "state file " + file + " has no schema version",
                    SqliteFailures.START_OVER);
        }
        int version = queryInt(db, "SELECT version FROM schema_version");
        if (version < 1) {
            throw new StateException(Problem.CORRUPT, "state file " + file + " has schema version " + version
                    + ", which no gosync writes", SqliteFailures.START_OVER);
        }
        if (version > CURRENT) {
            throw new StateException(Problem.TOO_NEW, "state file " + file + " has schema version " + version
                    + ", written by a newer gosync; this one knows versions up to " + CURRENT,
                    "use the newer gosync with this file, or choose another file with --state");
        }
        return version;
    }

    /**
     * Applies the migrations from {@code version} on, within the caller's write transaction;
     * version 0 also marks the file as gosync's.
     */
    static void migrate(Connection db, int version) throws SQLException {
        try (Statement s = db.createStatement()) {
            if (version == 0) {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            for (List<String> migration : MIGRATIONS.subList(version, CURRENT)) {
                for (String sql : migration) {
                    s.execute(sql);
                }
            }
            s.execute("DELETE FROM schema_version");
            s.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT + ")");
        }
    }

    private static int queryInt(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
