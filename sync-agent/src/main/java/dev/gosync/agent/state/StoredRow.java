package dev.gosync.agent.state;

import dev.gosync.agent.state.StateException.Problem;
import dev.gosync.bundle.manifest.Manifest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the values of one result row, checking them: SQLite does not always notice damage to a
 * page's content, and a damaged value must surface as a damaged state file, not as some
 * unrelated exception further on.
 */
final class StoredRow {
    private final ResultSet rs;
    private final Path file;

    StoredRow(ResultSet rs, Path file) {
        this.rs = rs;
        this.file = file;
    }

    String text(int column) throws SQLException {
        String value = rs.getString(column);
        if (value == null) {
            throw damaged(column, "is missing");
        }
        return value;
    }

    /** The id of a recorded bundle: a damaged one must not reach the next manifest. */
    String bundleId(int column) throws SQLException {
        String value = text(column);
        if (!Manifest.isBundleId(value)) {
            throw damaged(column, "is not a bundle id (" + value + ")");
        }
        return value;
    }

    /** Null stays null: for columns that may be empty. */
    String optionalText(int column) throws SQLException {
        return rs.getString(column);
    }

    /** A sequence number, byte count or file count: never negative. */
    long number(int column) throws SQLException {
        long value = rs.getLong(column);
        if (value < 0) {
            throw damaged(column, "is negative (" + value + ")");
        }
        return value;
    }

    Instant instant(int column) throws SQLException {
        String value = text(column);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw damaged(column, "is not a time (" + value + ")");
        }
    }

    Path path(int column) throws SQLException {
        String value = text(column);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw damaged(column, "is not a path (" + e.getMessage() + ")");
        }
    }

    private StateException damaged(int column, String what) throws SQLException {
        return new StateException(Problem.CORRUPT, "state file " + file + " is damaged: a stored "
                + rs.getMetaData().getColumnName(column) + " " + what, SqliteFailures.START_OVER);
    }
}
