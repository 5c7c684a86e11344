package dev.gosync.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileTest {
    /** Failures as plain exceptions that carry what was being done. */
    static final class Failed extends RuntimeException {
        final SqliteFailure kind;
        final String doing;

        Failed(SQLException e, String doing) {
            super(doing, e);
            this.kind = SqliteFailure.of(e);
            this.doing = doing;
        }
    }

    static final SqliteErrors ERRORS = new SqliteErrors() {
        @Override
        public RuntimeException failed(SQLException e, String doing) {
            return new Failed(e, doing);
        }

        @Override
        public RuntimeException interruptedOpening(InterruptedException e) {
            return new IllegalStateException(e);
        }
    };

    @TempDir
    Path dir;

    @Test
    void aWriteThatThrowsLeavesNothingBehind() {
        try (SqliteFile db = SqliteFile.open(dir.resolve("a.db"), Duration.ofSeconds(5), true, ERRORS)) {
            db.setUp(Duration.ofSeconds(5), () -> {
                db.useWriteAheadLog();
                return db.write("set up", () -> execute(db, "CREATE TABLE t (x INTEGER)"));
            });
            IllegalArgumentException thrown = new IllegalArgumentException("no");
            assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> db.write("insert", () -> {
                execute(db, "INSERT INTO t VALUES (1)");
                throw thrown;
            })));
            assertEquals(0, db.read("count", () -> count(db)));
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsReportedDamaged() throws Exception {
        Path file = dir.resolve("b.db");
        Files.writeString(file, "not a database, but long enough to fill a header and more\n".repeat(20));
        Failed failed = assertThrows(Failed.class, () -> SqliteFile.open(file, Duration.ofSeconds(5), false, ERRORS));
        assertEquals(SqliteFailure.DAMAGED, failed.kind);
        assertEquals("open", failed.doing);
    }

    @Test
    void aFailedSetUpClosesTheConnection() {
        SqliteFile db = SqliteFile.open(dir.resolve("c.db"), Duration.ofSeconds(5), false, ERRORS);
        Failed failed = assertThrows(Failed.class, () -> db.setUp(Duration.ofSeconds(5), () -> execute(db, "NOT SQL")));
        assertEquals("open", failed.doing);
        assertThrows(SQLException.class, () -> db.connection().createStatement());
    }

    private static Void execute(SqliteFile db, String sql) throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            s.execute(sql);
        }
        return null;
    }

    private static int count(SqliteFile db) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
