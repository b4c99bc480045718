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

    static void apply(Database db) {
        db.inTransaction(c -> {
            Sql.update(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            return null;
        });
        List<String> scripts = available();
        long current = currentVersion(db);
        if (current > scripts.size()) {
            throw new StoreException("investigation " + db.file() + " has schema version " + current
                    + ", newer than this Groundtruth understands (" + scripts.size() + "); update Groundtruth", null);
        }
        for (int version = (int) current + 1; version <= scripts.size(); version++) {
            String name = scripts.get(version - 1);
            if (!name.startsWith("V" + version + "__")) {
                throw new IllegalStateException("migration " + version + " is misnamed: " + name);
            }
            String script = read(name);
            String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
            int applied = version;
            db.inTransaction(c -> {
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
