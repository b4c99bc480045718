package org.groundtruth.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Versioned schema migrations from {@code db/migration} (listed in order in {@code migrations.txt}, named
 * {@code V<n>__<description>.sql}). Each runs in its own transaction and is recorded in {@code schema_version};
 * a database newer than this program is refused rather than touched.
 */
final class Migrations {
    private static final String FOLDER = "/db/migration/";

    private Migrations() {
    }

    static List<String> available() {
        try (InputStream in = resource("migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("migration index is unreadable", e);
        }
    }

    static int latestVersion() {
        return available().size();
    }

    /**
     * Brings the schema up to date. Safe when several processes open a new or old investigation at once: a database
     * already current is not written at all, and each migration re-reads the version inside its own write
     * transaction ({@code BEGIN IMMEDIATE}), so a migration another process applied meanwhile is skipped.
     */
    static void apply(Database db) {
        List<String> scripts = available();
        if (hasVersionTable(db) && checkedVersion(db, scripts.size()) == scripts.size()) {
            return;
        }
        db.inTransaction(c -> {
            Sql.update(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            return null;
        });
        checkedVersion(db, scripts.size());
        for (int version = 1; version <= scripts.size(); version++) {
            String name = scripts.get(version - 1);
            if (!name.startsWith("V" + version + "__")) {
                throw new IllegalStateException("migration " + version + " is misnamed: " + name);
            }
            String script = read(name);
            String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
            int applied = version;
            db.inTransaction(c -> {
                if (Sql.count(c, "SELECT coalesce(max(version), 0) FROM schema_version") >= applied) {
                    return null; // applied already, here or by another process
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate(script);
                }
                Sql.update(c, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        applied, description, Instant.now());
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = " + applied);
                }
                return null;
            });
        }
    }

    /** For a read-only database: its schema must be exactly the one this program writes, as nothing can be migrated. */
    static void requireCurrent(Database db) {
        int latest = latestVersion();
        long current = hasVersionTable(db) ? checkedVersion(db, latest) : 0;
        if (current < latest) {
            throw new StoreException("investigation " + db.file().getParent() + " is read-only and was written by an"
                    + " older Groundtruth (schema version " + current + " of " + latest + "); copy the folder to a"
                    + " writable place to upgrade it", null);
        }
    }

    private static boolean hasVersionTable(Database db) {
        return db.read(c -> Sql.count(c,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") > 0);
    }

    private static long checkedVersion(Database db, int latest) {
        long current = currentVersion(db);
        if (current > latest) {
            throw new StoreException("investigation " + db.file() + " has schema version " + current
                    + ", newer than this Groundtruth understands (" + latest + "); update Groundtruth", null);
        }
        return current;
    }

    static long currentVersion(Database db) {
        return db.read(c -> Sql.count(c, "SELECT coalesce(max(version), 0) FROM schema_version"));
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + name + " is unreadable", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Migrations.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("missing resource " + FOLDER + name);
        }
        return in;
    }
}
