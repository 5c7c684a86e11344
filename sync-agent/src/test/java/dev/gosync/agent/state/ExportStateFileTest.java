package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.next;
import static dev.gosync.agent.state.TestManifests.row;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.state.StateException.Problem;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file itself: creation, layout, and files that are not (or no longer) a usable state. */
class ExportStateFileTest {
    @TempDir
    Path tmp;

    @Test
    void openCreatesTheFileAndItsMissingDirectories() {
        Path file = tmp.resolve("a/b/c/state.db");

        ExportState.open(file).close();

        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void newFileIsMarkedAsGosyncsWithTheCurrentSchemaVersionInWalMode() throws SQLException {
        Path file = tmp.resolve("state.db");
        ExportState.open(file).close();

        try (Connection db = raw(file)) {
            assertAll(
                    () -> assertEquals(String.valueOf(Schema.APPLICATION_ID), query(db, "PRAGMA application_id")),
                    () -> assertEquals(String.valueOf(Schema.CURRENT), query(db, "SELECT version FROM schema_version")),
                    () -> assertEquals("wal", query(db, "PRAGMA journal_mode")));
        }
    }

    @Test
    void emptyFileBecomesANewState() throws Exception {
        Path file = tmp.resolve("state.db");
        Files.createFile(file);

        try (ExportState state = ExportState.open(file)) {
            assertEquals(1, state.plan("stable").sequence());
        }
    }

    @Test
    void pathWithCharactersThatUrisEscapeIsUsedAsItIs() {
        Path file = tmp.resolve("dir with space?and#hash%41/state.db");
        try (ExportState state = ExportState.open(file)) {
            state.record(next(state.plan("stable"), List.of(row("example.com/m/@v/v1.0.0.zip", "z"))),
                    tmp.resolve("b1"));
        }

        assertTrue(Files.isRegularFile(file));
        try (ExportState state = ExportState.open(file)) {
            assertEquals(2, state.plan("stable").sequence());
        }
    }

    @Test
    void fileThatIsNotADatabaseIsRefusedByNameAndLeftAlone() throws Exception {
        Path file = tmp.resolve("state.db");
        byte[] garbage = "this is not an SQLite database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);

        StateException e = assertThrows(StateException.class, () -> ExportState.open(file));

        assertAll(
                () -> assertEquals(Problem.CORRUPT, e.problem()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.remedy().contains("move the file aside"), e.remedy()),
                () -> assertArrayEquals(garbage, Files.readAllBytes(file)));
    }

    @Test
    void damagedStateIsReportedAsCorrupt() throws Exception {
        Path file = tmp.resolve("state.db");
        try (ExportState state = ExportState.open(file)) {
            state.record(next(state.plan("stable"), List.of(row("example.com/m/@v/v1.0.0.zip", "z"))),
                    tmp.resolve("b1"));
        }
        // Keep the header and schema page, overwrite every table's pages.
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[(int) f.length() - 4096];
            Arrays.fill(junk, (byte) 0x5a);
            f.seek(4096);
            f.write(junk);
        }

        StateException e = assertThrows(StateException.class, () -> {
            try (ExportState state = ExportState.open(file)) {
                state.plan("stable");
            }
        });

        assertAll(
                () -> assertEquals(Problem.CORRUPT, e.problem()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()));
    }

    @Test
    void aDamagedChannelHeadIdIsADamagedStateFileNotABadManifest() throws Exception {
        Path file = tmp.resolve("state.db");
        try (ExportState state = ExportState.open(file)) {
            state.record(next(state.plan("stable"), List.of(row("example.com/m/@v/v1.0.0.zip", "z"))),
                    tmp.resolve("b1"));
        }
        try (Connection db = raw(file); Statement s = db.createStatement()) {
            s.execute("UPDATE channels SET last_bundle_id = 'not-an-id' WHERE name = 'stable'");
        }

        StateException e = assertThrows(StateException.class, () -> {
            try (ExportState state = ExportState.open(file)) {
                state.plan("stable");
            }
        });

        assertAll(
                () -> assertEquals(Problem.CORRUPT, e.problem()),
                () -> assertTrue(e.getMessage().contains("not-an-id"), e.getMessage()));
    }

    @Test
    void databaseOfAnotherProgramIsRefusedEvenWithASchemaVersionTable() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection db = raw(file); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1)");
        }
        byte[] before = Files.readAllBytes(file);

        StateException e = assertThrows(StateException.class, () -> ExportState.open(file));

        assertAll(
                () -> assertEquals(Problem.FOREIGN, e.problem()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.remedy().contains("--state"), e.remedy()),
                () -> assertArrayEquals(before, Files.readAllBytes(file)));
    }

    @Test
    void stateFromANewerSchemaIsRefusedUntouched() throws Exception {
        Path file = tmp.resolve("state.db");
        ExportState.open(file).close();
        try (Connection db = raw(file); Statement s = db.createStatement()) {
            s.execute("UPDATE schema_version SET version = " + (Schema.CURRENT + 1));
        }
        byte[] before = Files.readAllBytes(file);

        StateException e = assertThrows(StateException.class, () -> ExportState.open(file));

        assertAll(
                () -> assertEquals(Problem.TOO_NEW, e.problem()),
                () -> assertTrue(e.getMessage().contains("schema version " + (Schema.CURRENT + 1)), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.remedy().contains("newer gosync"), e.remedy()),
                () -> assertArrayEquals(before, Files.readAllBytes(file)));
    }

    @Test
    void stateWhoseDirectoryCannotBeCreatedIsAnIoError() throws Exception {
        Path blocker = tmp.resolve("not-a-directory");
        Files.writeString(blocker, "a file where the directory should be");
        Path file = blocker.resolve("state.db");

        StateException e = assertThrows(StateException.class, () -> ExportState.open(file));

        assertAll(
                () -> assertEquals(Problem.IO, e.problem()),
                () -> assertTrue(e.getMessage().contains(file.toString()), e.getMessage()),
                () -> assertTrue(e.remedy().contains("--state"), e.remedy()));
    }

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String query(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
