package dev.gosync.sqlite;

import java.sql.SQLException;

/** Statements run on an {@link SqliteFile}'s connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run() throws SQLException;
}
