package org.groundtruth.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The investigation database: one SQLite connection in WAL mode with foreign keys on and full sync, so a
 * committed action survives a killed process or a power cut. Work runs serialized within the process: the window's
 * background tasks and the CLI never interleave two transactions on the connection.
 *
 * <p>Several processes may write one investigation at once (the window and the command line, scripts running
 * side by side): a write transaction starts with {@code BEGIN IMMEDIATE}, so it takes SQLite's write lock before
 * it reads anything and never has to upgrade a read snapshot (the cause of {@code SQLITE_BUSY_SNAPSHOT}); it waits
 * up to the busy timeout for another writer, and a transaction that still meets {@code SQLITE_BUSY} is rolled
 * back and run again, a bounded number of times. Work passed to {@link #inTransaction} therefore only touches the
 * database. A transaction started inside another one on the same thread joins it: several service calls then
 * commit together or not at all.
 *
 * <p>A database opened {@linkplain #openReadOnly read-only} (a write-protected folder) refuses every transaction
 * with {@link ReadOnlyInvestigationException} before anything is attempted.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    static final int MAX_ATTEMPTS = 6;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final Path file;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (creating when absent) the database for reading and writing and brings its schema up to date. */
    public static Database open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Database db = connect(file, "jdbc:sqlite:" + file, config, false);
        try {
            Migrations.apply(db);
        } catch (RuntimeException e) {
            closeAfterFailure(db, e);
            throw e;
        }
        return db;
    }

    /**
     * Opens an existing database that must not be written: SQLite's read-only mode, and {@code immutable} when no
     * write-ahead log is pending, since a write-protected folder cannot hold the shared-memory file SQLite would
     * otherwise create. A pending log (the writer did not close cleanly) is read in plain read-only mode, which
     * needs its {@code -shm} file; when that fails the message says what to do.
     */
    public static Database openReadOnly(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        boolean pendingLog = Files.isRegularFile(wal) && wal.toFile().length() > 0;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        String url = "jdbc:sqlite:file:" + file.toUri().getRawPath() + (pendingLog ? "?mode=ro" : "?mode=ro&immutable=1");
        Database db;
        try {
            db = connect(file, url, config, true);
        } catch (StoreException e) {
            if (pendingLog) {
                throw new StoreException("investigation database " + file + " is write-protected and was not closed"
                        + " cleanly (it has a pending " + wal.getFileName() + "); open it once where it can be"
                        + " written, or copy the folder to a writable place", e);
            }
            throw e;
        }
        try {
            Migrations.requireCurrent(db);
        } catch (RuntimeException e) {
            closeAfterFailure(db, e);
            throw e;
        }
        return db;
    }

    private static Database connect(Path file, String url, SQLiteConfig config, boolean readOnly) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("cannot open investigation database " + file + ": " + e.getMessage(), e);
        }
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            }
            SqlFunctions.register(connection);
            return new Database(file, connection, readOnly);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new StoreException("cannot open investigation database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opening failed part-way: the connection is closed, and a failure to close is kept with the first one. */
    private static void closeAfterFailure(Database db, RuntimeException failure) {
        try {
            db.close();
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }

    public Path file() {
        return file;
    }

    /** True when this database was opened read-only: every transaction is refused. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it. Called inside another
     * transaction on the same thread, the work joins that transaction. {@code work} may run more than once (when
     * another process held the write lock too long) and must only touch the database.
     */
    public <T> T inTransaction(Work<T> work) {
        if (readOnly) {
            throw new ReadOnlyInvestigationException(file.getParent());
        }
        lock.lock();
        try {
            if (depth > 0) {
                return joined(work);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return once(work);
                } catch (SQLException | RuntimeException e) {
                    if (!isBusy(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    LOG.info("{} is busy (another process is writing); attempt {} of {}", file.getFileName(),
                            attempt + 1, MAX_ATTEMPTS);
                    pause(attempt);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(message(e), e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T joined(Work<T> work) throws SQLException {
        depth++;
        try {
            return work.run(connection);
        } finally {
            depth--;
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        execute("BEGIN IMMEDIATE");
        depth++;
        try {
            T result = work.run(connection);
            execute("COMMIT");
            return result;
        } catch (RuntimeException | SQLException e) {
            rollback(e);
            throw e;
        } finally {
            depth--;
        }
    }

    private void rollback(Exception cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs a read; reads see only committed data (or, inside a transaction, that transaction's own changes). */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.run(connection);
                } catch (SQLException | RuntimeException e) {
                    if (depth > 0 || !isBusy(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    pause(attempt);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(message(e), e);
        } finally {
            lock.unlock();
        }
    }

    private String message(SQLException e) {
        if (isBusy(e)) {
            return "investigation " + file.getParent() + " stayed locked by another process for too long; try again";
        }
        return "database error in " + file.getFileName() + ": " + e.getMessage();
    }

    /** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT), wherever in the causes. */
    static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                        || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY
                        || code == SQLiteErrorCode.SQLITE_BUSY_TIMEOUT) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2_000, 50L << attempt) + (long) (Math.random() * 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the investigation database", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
