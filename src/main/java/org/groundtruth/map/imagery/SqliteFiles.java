package org.groundtruth.map.imagery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.groundtruth.map.MapFileException;

/** Opening SQLite-based tile files (MBTiles, GeoPackage) read-only, with the checks that give one-line errors. */
final class SqliteFiles {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFiles() {
    }

    static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    static Connection openReadOnly(Path file, String kind) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, Files.isDirectory(file) ? "is a folder, not a " + kind + " file" : "file not found");
        }
        if (!hasSqliteHeader(file)) {
            throw new MapFileException(file, "not a " + kind + " file (no SQLite header)");
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        } catch (SQLException e) {
            throw new MapFileException(file, "corrupt or unreadable " + kind + " file: " + e.getMessage(), e);
        }
        try {
            try (PreparedStatement p = c.prepareStatement("PRAGMA quick_check"); ResultSet rs = p.executeQuery()) {
                String answer = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(answer)) {
                    String problem = answer;
                    throw new MapFileException(file, "corrupt " + kind + " file (" + problem + ")");
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof MapFileException m ? m
                    : new MapFileException(file, "corrupt or unreadable " + kind + " file: " + e.getMessage(), e);
        }
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
